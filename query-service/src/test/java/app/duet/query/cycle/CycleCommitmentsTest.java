package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.ShareView;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.COUPLE;
import static app.duet.query.cycle.CycleHistory.DAY;
import static app.duet.query.cycle.CycleHistory.SESSION;
import static app.duet.query.cycle.CycleHistory.THERAPIST;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeping to what was agreed: check-points, homework, appointments, baby steps followed up, resentments let go. */
class CycleCommitmentsTest {

    private final CycleHistory history = new CycleHistory(CycleThresholds.DEFAULTS);

    private List<String> ids(String figure) {
        return history.ids(figure);
    }

    @Test
    void everyShareIsSmallUntilThereIsEnoughToCount() {
        history.coupleInSession();

        assertThat(history.view().adherence().checkpointsKept()).isEqualTo(new ShareView(0, 0, null, null, null, 10));
        assertThat(history.view().adherence().babyStepsDone().needed()).isEqualTo(10);
    }

    @Test
    void checkpointsKeptCountOnePartlyHalfMissedNothing() {
        history.coupleInSession();
        for (int i = 0; i < 4; i++) {
            history.given(history.checkpoint(CheckpointOutcome.KEPT), history.checkpoint(CheckpointOutcome.MISSED),
                    history.checkpoint(CheckpointOutcome.PARTLY_KEPT));
        }
        ShareView kept = history.view().adherence().checkpointsKept();
        assertThat(kept.of()).isEqualTo(12);
        assertThat(kept.count()).isEqualTo(6.0);
        assertThat(kept.percent()).isEqualTo(50);
        assertThat(kept.low()).isLessThan(50);
        assertThat(kept.high()).isGreaterThan(50);
        assertThat(history.state.evidenceFor("adherence")).hasSize(12);
    }

    @Test
    void homeworkIsDueOncePerPartnerAndAttendanceCountsEachPartner() {
        history.coupleInSession();
        history.given(new HomeworkSet(COUPLE, "hw-1", THERAPIST, "a walk", DAY),
                new HomeworkDone(COUPLE, "hw-1", ANNA), new HomeworkDone(COUPLE, "hw-1", BEN),
                history.attended(ANNA, BEN), history.attended(ANNA), history.appointmentMissed(BEN));

        assertThat(history.view().adherence().homeworkSet()).isEqualTo(1);
        assertThat(history.view().adherence().homeworkDone()).isEqualTo(new ShareView(2, 2, null, null, null, 8));
        assertThat(history.view().adherence().attendance().count()).isEqualTo(3);
        assertThat(history.view().adherence().attendance().of()).isEqualTo(4);
    }

    @Test
    void babyStepsFollowedUpCountInTheAdherenceWithTheirEvidence() {
        history.coupleInSession();
        List<String> followUps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            followUps.add(history.when(new BabyStepFollowedUp(SESSION, "follow-up-" + i, "ben-behaviour", ANNA, i < 7))
                    .eventId());
        }

        ShareView done = history.view().adherence().babyStepsDone();
        assertThat(done.count()).isEqualTo(7);
        assertThat(done.of()).isEqualTo(10);
        assertThat(done.percent()).isEqualTo(70);
        assertThat(ids("adherence")).containsExactlyElementsOf(followUps);
        assertThat(history.view().timeline()).extracting(item -> item.kind().wireName())
                .contains("baby-step-done", "baby-step-not-done");
        assertThat(history.view().window().warm() + history.view().window().hard())
                .as("one partner's reports are no moments between the two").isZero();
    }
    

    @Test
    void resentmentsStayOpenUntilReleased() {
        history.coupleInSession();
        EvidenceRefView first = history.when(new LetGoProposed(SESSION, "pact-1", ANNA, "the birthday"));
        EvidenceRefView second = history.when(new LetGoProposed(SESSION, "pact-2", BEN, "the holiday"));

        EvidenceRefView released = history.when(new ResentmentReleased(SESSION, "pact-1", ANNA, BEN));

        assertThat(history.view().resentmentsOpen()).isEqualTo(1);
        assertThat(history.view().resentmentsReleased()).isEqualTo(1);
        assertThat(ids("resentments")).containsExactly(first.eventId(), second.eventId(), released.eventId());
    }
}
