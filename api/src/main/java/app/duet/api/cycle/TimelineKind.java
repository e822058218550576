package app.duet.api.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * What kind of moment a {@link TimelineItemView} is. On the wire (REST, STOMP, the stored state) each
 * goes by its wire name, such as {@code bid-turned-toward} or {@code phase-connected}.
 */
public enum TimelineKind {
    PAIRED("paired"),
    SESSION_STARTED("session-started"),
    BID_MADE("bid-made"),
    BID_TURNED_TOWARD("bid-turned-toward"),
    BID_TURNED_AWAY("bid-turned-away"),
    BID_TURNED_AGAINST("bid-turned-against"),
    BID_MISSED("bid-missed"),
    NAMED_THEIR_SIDE("named-their-side"),
    LEANED_IN("leaned-in"),
    LEANED_BACK("leaned-back"),
    LEANED_OUT("leaned-out"),
    SOFTENING("softening"),
    RE_ENGAGEMENT("re-engagement"),
    CHANGE_EVENT_CONFIRMED("change-event-confirmed"),
    APPRECIATION("appreciation"),
    BABY_STEP_COMMITTED("baby-step-committed"),
    BABY_STEP_DONE("baby-step-done"),
    BABY_STEP_NOT_DONE("baby-step-not-done"),
    LET_GO_PROPOSED("let-go-proposed"),
    RESENTMENT_RELEASED("resentment-released"),
    HOMEWORK_DONE("homework-done"),
    CHECKPOINT_KEPT("checkpoint-kept", CheckpointOutcome.KEPT),
    CHECKPOINT_PARTLY_KEPT("checkpoint-partly-kept", CheckpointOutcome.PARTLY_KEPT),
    CHECKPOINT_MISSED("checkpoint-missed", CheckpointOutcome.MISSED),
    /** A missed appointment with the therapist (its wire name is older than the word "appointment"). */
    APPOINTMENT_MISSED("session-missed"),
    PHASE_NOT_ENOUGH_YET("phase-not-enough-yet", Phase.NOT_ENOUGH_YET),
    PHASE_ESCALATED("phase-escalated", Phase.ESCALATED),
    PHASE_DE_ESCALATING("phase-de-escalating", Phase.DE_ESCALATING),
    PHASE_RE_ENGAGING("phase-re-engaging", Phase.RE_ENGAGING),
    PHASE_SOFTENING("phase-softening", Phase.SOFTENING),
    PHASE_CONNECTED("phase-connected", Phase.CONNECTED);

    private final String wireName;
    private final Phase phaseReached;
    private final CheckpointOutcome checkpointOutcome;

    TimelineKind(String wireName) {
        this(wireName, null, null);
    }

    TimelineKind(String wireName, Phase phaseReached) {
        this(wireName, phaseReached, null);
    }

    TimelineKind(String wireName, CheckpointOutcome checkpointOutcome) {
        this(wireName, null, checkpointOutcome);
    }

    TimelineKind(String wireName, Phase phaseReached, CheckpointOutcome checkpointOutcome) {
        this.wireName = wireName;
        this.phaseReached = phaseReached;
        this.checkpointOutcome = checkpointOutcome;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static TimelineKind of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No timeline kind is called " + wireName + "."));
    }

    /** The phase the couple entered at this moment, or null if it is not a change of phase. */
    public Phase phaseReached() {
        return phaseReached;
    }

    /** The moment a couple entered this phase. */
    public static TimelineKind phaseChangedTo(Phase phase) {
        return Arrays.stream(values()).filter(kind -> kind.phaseReached == phase).findFirst().orElseThrow();
    }

    /** The moment a check-point was reviewed with this outcome. */
    public static TimelineKind checkpoint(CheckpointOutcome outcome) {
        return Arrays.stream(values()).filter(kind -> kind.checkpointOutcome == outcome).findFirst().orElseThrow();
    }
}
