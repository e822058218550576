package app.duet.api.session;

import java.util.List;

/** What a session came to, summed up when it ends; every figure counts events of the session. */
public record OutcomeView(String endedBy, long minutes, List<String> stepsRevealed, int entriesShared, int softenings,
                          int reengagements, int changeEventsConfirmed, int babyStepsCommitted,
                          int resentmentsReleased, int bidsMade, int bidsTurnedToward) {
}
