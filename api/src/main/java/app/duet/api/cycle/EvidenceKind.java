package app.duet.api.cycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The figures of a cycle state that list the events behind them. A figure of the whole couple is
 * named by its kind's wire name ({@code adherence}); one per partner or per session adds the id
 * after a colon ({@code bids-toward:<partnerId>}, {@code session-ratio:<sessionId>}, {@code phase-change:<eventId>}). These names
 * are what {@link CycleStateView#figures()} lists and what {@link FindCycleEvidence} asks for.
 */
public enum EvidenceKind {
    PHASE("phase", false),
    /** The events behind one change of phase, named by the event that made it. */
    PHASE_CHANGE("phase-change", true),
    NAMED_THE_LOOP("named-the-loop", false),
    LAST_SOFTENING("last-softening", false),
    LAST_REENGAGEMENT("last-reengagement", false),
    LEAN_GAP("lean-gap", false),
    ADHERENCE("adherence", false),
    RESENTMENTS("resentments", false),
    BIDS_TOWARD("bids-toward", true),
    SHOWN_ROLE("shown-role", true),
    DECLARED_ROLE("declared-role", true),
    SESSION_RATIO("session-ratio", true);

    private static final char SEPARATOR = ':';

    private final String wireName;
    private final boolean perSubject;

    EvidenceKind(String wireName, boolean perSubject) {
        this.wireName = wireName;
        this.perSubject = perSubject;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EvidenceKind of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No evidence kind is called " + wireName + "."));
    }

    /** Whether its figures are one per partner or per session rather than one for the couple. */
    public boolean perSubject() {
        return perSubject;
    }

    /** The name of this kind's figure for the whole couple. */
    public String figure() {
        if (perSubject) {
            throw new IllegalStateException(wireName + " has one figure per partner or session: name which.");
        }
        return wireName;
    }

    /** The name of this kind's figure for one partner or session. */
    public String figure(String subject) {
        if (!perSubject) {
            throw new IllegalStateException(wireName + " has one figure for the whole couple.");
        }
        return wireName + SEPARATOR + subject;
    }

    /** The kind of a figure, from its name. */
    public static EvidenceKind ofFigure(String figure) {
        int separator = figure.indexOf(SEPARATOR);
        return of(separator < 0 ? figure : figure.substring(0, separator));
    }
}
