package app.duet.api.cycle;

import java.util.List;

/**
 * A couple's cycle week by week (weeks start on Monday, UTC), from their first week to the week of their
 * latest evidence, with empty weeks in between: whether they are moving, at a glance. A week's shares
 * follow the same minimum as the state's ({@code minimum}).
 */
public record CycleTrendsView(String coupleId, List<String> partnerIds, int minimum, List<WeekTrendView> weeks) {
}
