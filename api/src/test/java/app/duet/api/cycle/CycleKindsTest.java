package app.duet.api.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's and the evidence's kinds go by the names clients have always read. */
class CycleKindsTest {

    @Test
    void timelineKindsKeepTheirWireNames() {
        assertEquals(List.of("paired", "session-started", "bid-made", "bid-turned-toward", "bid-turned-away",
                        "bid-turned-against", "bid-missed", "named-their-side", "leaned-in", "leaned-back", "leaned-out",
                        "softening", "re-engagement", "change-event-confirmed", "appreciation", "baby-step-committed",
                        "baby-step-done", "baby-step-not-done", "let-go-proposed", "resentment-released", "homework-done",
                        "checkpoint-kept", "checkpoint-partly-kept", "checkpoint-missed", "session-missed",
                        "phase-not-enough-yet", "phase-escalated", "phase-de-escalating", "phase-re-engaging",
                        "phase-softening", "phase-connected"),
                Arrays.stream(TimelineKind.values()).map(TimelineKind::wireName).toList());
        for (TimelineKind kind : TimelineKind.values()) {
            assertEquals(kind, TimelineKind.of(kind.wireName()));
        }
        assertThrows(IllegalArgumentException.class, () -> TimelineKind.of("BID_MADE"));
    }

    @Test
    void aPhaseChangeNamesThePhaseReached() {
        for (Phase phase : Phase.values()) {
            TimelineKind kind = TimelineKind.phaseChangedTo(phase);
            assertEquals("phase-" + phase.name().toLowerCase().replace('_', '-'), kind.wireName());
            assertEquals(phase, kind.phaseReached());
        }
        assertNull(TimelineKind.BID_MADE.phaseReached());
        assertEquals(TimelineKind.CHECKPOINT_PARTLY_KEPT, TimelineKind.checkpoint(CheckpointOutcome.PARTLY_KEPT));
    }

    @Test
    void figuresAreNamedByTheirKindAndForPartnersAndSessionsByTheirId() {
        assertEquals(List.of("phase", "phase-change", "named-the-loop", "last-softening", "last-reengagement", "lean-gap", "adherence",
                        "resentments", "bids-toward", "shown-role", "declared-role", "session-ratio"),
                Arrays.stream(EvidenceKind.values()).map(EvidenceKind::wireName).toList());
        assertEquals("adherence", EvidenceKind.ADHERENCE.figure());
        assertEquals("bids-toward:anna", EvidenceKind.BIDS_TOWARD.figure("anna"));
        assertEquals(EvidenceKind.SESSION_RATIO, EvidenceKind.ofFigure("session-ratio:s-1"));
        assertEquals(EvidenceKind.LEAN_GAP, EvidenceKind.ofFigure("lean-gap"));
        assertThrows(IllegalStateException.class, () -> EvidenceKind.SHOWN_ROLE.figure());
        assertThrows(IllegalStateException.class, () -> EvidenceKind.PHASE.figure("anna"));
        assertEquals("phase-change:e-7", EvidenceKind.PHASE_CHANGE.figure("e-7"));
    }

    @Test
    void jsonReadsAndWritesTheWireNames() throws NoSuchMethodException {
        for (Class<?> kind : List.of(TimelineKind.class, EvidenceKind.class)) {
            assertTrue(kind.getMethod("wireName").isAnnotationPresent(JsonValue.class), kind.getSimpleName());
            assertTrue(kind.getMethod("of", String.class).isAnnotationPresent(JsonCreator.class), kind.getSimpleName());
        }
    }
}
