package app.duet.query.cycle;

import app.duet.api.cycle.Phase;
import app.duet.api.exercise.ChangeEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.confirmed;
import static app.duet.query.cycle.CycleHistory.softened;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window the phase is judged over: counted per day, so it stores the same however busy a couple is,
 * and each instant reads the same live as in time travel to it.
 */
class CycleWindowTest {

    private static final CycleThresholds ONE_SESSION = new CycleThresholds(10, Duration.ofDays(28), 1, 0, 0, 5);

    private final CycleHistory history = new CycleHistory(ONE_SESSION);

    @Test
    void whatIsStoredOfTheWindowDoesNotGrowWithHowBusyACoupleIs() {
        history.coupleInSession();
        for (int i = 0; i < 500; i++) {
            history.given(history.appreciation(i % 2 == 0 ? ANNA : BEN));
        }

        assertThat(history.view().window().warm()).isEqualTo(500);
        assertThat(history.state.window).hasSize(CyclePhaseRules.KEPT_EVENTS);
        assertThat(history.state.days).hasSize(1);
    }

    @Test
    void eachInstantReadsTheSameLiveAndInTimeTravel() {
        history.coupleInSession();
        history.withTherapist();
        List<Object> events = new ArrayList<>(List.of(history.appreciation(ANNA), history.everydayMissed(BEN),
                history.everydayMissed(ANNA), softened("move-1", ANNA), confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING),
                history.appreciation(BEN)));
        List<Phase> live = new ArrayList<>();
        for (Object event : events) {
            history.given(event);
            live.add(history.view().phase());
        }

        for (int upTo = 1; upTo <= events.size(); upTo++) {
            CycleHistory travelled = new CycleHistory(ONE_SESSION);
            travelled.coupleInSession();
            travelled.withTherapist();
            events.subList(0, upTo).forEach(travelled::given);
            assertThat(travelled.view().phase()).as("after event %d", upTo).isEqualTo(live.get(upTo - 1));
        }
        assertThat(live).containsExactly(Phase.DE_ESCALATING, Phase.ESCALATED, Phase.ESCALATED, Phase.ESCALATED,
                Phase.SOFTENING, Phase.SOFTENING);
    }
}
