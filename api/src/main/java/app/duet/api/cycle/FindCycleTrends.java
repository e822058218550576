package app.duet.api.cycle;

/** Asks for a couple's cycle, week by week. */
public record FindCycleTrends(String coupleId) {
}
