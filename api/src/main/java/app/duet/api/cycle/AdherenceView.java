package app.duet.api.cycle;

/**
 * Signs of commitment, each a share shown as small while it is small: check-points kept (kept 1,
 * partly 0.5, missed 0), homework parts done (due once from each partner), appointments with the
 * therapist attended (each partner counted), and baby steps followed through (each follow-up a
 * partner gave: done, or not this time).
 */
public record AdherenceView(ShareView checkpointsKept, int homeworkSet, ShareView homeworkDone, ShareView attendance,
                            ShareView babyStepsDone) {
}
