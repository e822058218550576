package app.duet.api.cycle;

/**
 * The bids made to one partner, by how they were settled: turned toward, away, against, or missed
 * (left unanswered until their window closed, which the research counts as a turn away), and those
 * still open. The toward share is toward ÷ (answered + missed); {@code referenceBand} is where it lies
 * against {@link GottmanReference}, null until its whole interval lies in one band.
 */
public record BidsView(int toward, int away, int against, int missed, int open, ShareView towardShare,
                       String referenceBand) {
}
