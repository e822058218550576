package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.query.cycle.CycleStateDocument.PartnerFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.COUPLE;
import static app.duet.query.cycle.CycleHistory.DAY;
import static app.duet.query.cycle.CycleHistory.OTHER_SESSION;
import static app.duet.query.cycle.CycleHistory.SESSION;
import static app.duet.query.cycle.CycleHistory.THERAPIST;
import static app.duet.query.cycle.CycleHistory.behaviour;
import static app.duet.query.cycle.CycleHistory.confirmed;
import static app.duet.query.cycle.CycleHistory.leanInSession;
import static app.duet.query.cycle.CycleHistory.link;
import static app.duet.query.cycle.CycleHistory.reengaged;
import static app.duet.query.cycle.CycleHistory.revealed;
import static app.duet.query.cycle.CycleHistory.shared;
import static app.duet.query.cycle.CycleHistory.softened;
import static app.duet.query.cycle.CycleHistory.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure's evidence is exact: each event once, in the order it happened, and exactly the events
 * that moved that figure. One history touches every figure; while it is applied, each figure's value is
 * read before and after every event, so the events that moved it are known without asking the rules.
 */
class CycleEvidenceTest {

    private final CycleHistory history = new CycleHistory(new CycleThresholds(10, java.time.Duration.ofDays(28), 1, 1, 2, 5));
    /** The events that changed each figure's value, in the order they were applied. */
    private final Map<String, List<String>> moved = new LinkedHashMap<>();
    /** For the last softening and re-engagement: the events since the move the figure is about. */
    private final Map<String, List<String>> movedSinceLastMove = new LinkedHashMap<>();

    @BeforeEach
    void aHistoryThatTouchesEveryFigure() {
        history.coupleInSession();
        history.withTherapist();
        List<Object> events = new ArrayList<>(List.of(
                history.everydayBid(ANNA), history.sessionBid(BEN),
                history.everydayAnswer(BEN, BidResponse.TOWARD), history.sessionAnswer(SESSION, ANNA, BidResponse.AWAY),
                history.everydayMissed(BEN), history.sessionMissed(ANNA),
                behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE), link("ben-trigger", BEN, CycleLink.TRIGGER),
                leanInSession("ben-lean", BEN, Lean.OUT, 3), leanInSession("anna-lean", ANNA, Lean.BACK, 6),
                history.leanBetweenSessions(ANNA, Lean.IN, 7),
                // One reveal lets out two answers of Ben and one of Anna: it is listed once behind each figure it moved.
                shared("anna-behaviour", ANNA), revealed(BEN, "ben-trigger", BEN, "ben-lean", ANNA, "anna-lean"),
                softened("move-1", ANNA), reengaged("move-2", BEN), confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING),
                softened("move-3", ANNA), confirmed("move-2", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT),
                history.appreciation(BEN), history.appointmentMissed(BEN), history.attended(ANNA, BEN),
                new HomeworkSet(COUPLE, "hw-1", THERAPIST, "a walk", DAY), new HomeworkDone(COUPLE, "hw-1", ANNA),
                history.checkpoint(CheckpointOutcome.PARTLY_KEPT),
                new BabyStepFollowedUp(SESSION, "follow-up-1", "ben-behaviour", ANNA, true),
                new LetGoProposed(SESSION, "pact-1", ANNA, "the birthday"), new ResentmentReleased(SESSION, "pact-1", ANNA, BEN),
                started(OTHER_SESSION, Exercise.CHECK_IN), history.sessionAnswer(OTHER_SESSION, BEN, BidResponse.AGAINST),
                history.leanBetweenSessions(BEN, Lean.IN, 8)));
        for (Object event : events) {
            Map<String, Object> before = values();
            EvidenceRefView ref = history.when(event);
            Map<String, Object> after = values();
            after.forEach((figure, value) -> {
                // A session's ratio that starts at nothing has not moved yet.
                Object was = before.containsKey(figure) || !value.equals(List.of(0, 0)) ? before.get(figure) : value;
                if (!Objects.equals(was, value)) {
                    moved.computeIfAbsent(figure, f -> new ArrayList<>()).add(ref.eventId());
                }
            });
            if (ref.type().equals("BlamerSoftened")) {
                movedSinceLastMove.put("last-softening", new ArrayList<>(List.of(ref.eventId())));
            } else if (ref.type().equals("WithdrawerReengaged")) {
                movedSinceLastMove.put("last-reengagement", new ArrayList<>(List.of(ref.eventId())));
            } else if (ref.type().equals("ChangeEventConfirmed")) {
                String figure = ((app.duet.api.exercise.ChangeEventConfirmed) event).change() == ChangeEvent.BLAMER_SOFTENING
                        ? "last-softening" : "last-reengagement";
                if (!Objects.equals(before.get(figure), after.get(figure))) {
                    movedSinceLastMove.get(figure).add(ref.eventId());
                }
            }
        }
    }

    /** Each figure's value as the view and the stored counts show it, by the figure's name. */
    private Map<String, Object> values() {
        CycleStateDocument state = history.state;
        CycleStateView view = state.toView();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String partner : List.of(ANNA, BEN)) {
            PartnerFigures f = state.partners.getOrDefault(partner, new PartnerFigures());
            values.put("declared-role:" + partner, List.of(f.declaredPursuing, f.declaredWithdrawing));
            values.put("shown-role:" + partner, List.of(f.shownPursuing, f.shownWithdrawing));
            values.put("bids-toward:" + partner, List.of(f.toward, f.away, f.against, f.missed));
        }
        state.ratios.forEach((session, ratio) -> values.put("session-ratio:" + session, List.of(ratio.positive(), ratio.negative())));
        values.put("lean-gap", List.copyOf(view.leanGap()));
        values.put("adherence", view.adherence());
        values.put("resentments", List.of(view.resentmentsOpen(), view.resentmentsReleased()));
        values.put("named-the-loop", state.partners.values().stream().filter(p -> p.namedTheLoop).count());
        values.put("last-softening", String.valueOf(view.lastSoftening()));
        values.put("last-reengagement", String.valueOf(view.lastReengagement()));
        return values;
    }

    @ParameterizedTest
    @EnumSource(EvidenceKind.class)
    void eachFigureListsEachEventOnceInTheOrderItHappenedAndOnlyThoseThatMovedIt(EvidenceKind kind) {
        List<String> figures = history.view().figures().stream().filter(f -> EvidenceKind.ofFigure(f) == kind).toList();
        assertThat(figures).as("the history touches %s", kind).isNotEmpty();
        for (String figure : figures) {
            List<EvidenceRefView> listed = history.state.evidenceFor(figure);
            List<String> ids = listed.stream().map(EvidenceRefView::eventId).toList();
            assertThat(ids).as(figure).doesNotHaveDuplicates();
            assertThat(listed).extracting(EvidenceRefView::at).as(figure).isSortedAccordingTo(Instant::compareTo);
            switch (kind) {
                case PHASE, PHASE_CHANGE -> assertThat(ids).as("%s: the window's events and the turning points", figure)
                        .isNotEmpty().isSubsetOf(history.refs.stream().map(EvidenceRefView::eventId).toList());
                case LAST_SOFTENING, LAST_REENGAGEMENT -> assertThat(ids).as(figure)
                        .containsExactlyElementsOf(movedSinceLastMove.get(figure));
                default -> assertThat(ids).as(figure).containsExactlyElementsOf(moved.get(figure));
            }
        }
    }
}
