package app.duet.api.cycle;

/**
 * Signs of commitment: check-points (kept 1, partly 0.5, missed 0), homework done by each partner,
 * therapy sessions attended. Percentages are null while there is nothing to count.
 */
public record AdherenceView(int checkpointsReviewed, Integer checkpointsPercent, int homeworkSet, int homeworkDone,
                            Integer homeworkPercent, int sessionsAttended, int sessionsMissed, Integer attendancePercent) {
}
