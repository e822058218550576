package app.duet.command.commitment;

import app.duet.api.commitment.CommitmentProposed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;

/**
 * One time-bound commitment as its rules need it: its dates, who accepted it as it stands, the
 * check-points reviewed. A value, replaced on every event, so the couple's state compares by value.
 */
record Commitment(LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy, List<LocalDate> checkpoints,
                  Set<String> accepted, Set<LocalDate> reviewed, boolean made, boolean concluded) implements Serializable {

    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** A commitment's span runs forward, its improvement date and check-points fall inside it. */
    static void requireCoherent(LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy,
                                List<LocalDate> checkpoints) {
        require(startsOn != null && endsOn != null && improvementBy != null, "dates-required",
                "A commitment has a start, an end and a date for a marked improvement.");
        require(endsOn.isAfter(startsOn), "ends-before-start", "A commitment ends after it starts.");
        require(improvementBy.isAfter(startsOn) && !improvementBy.isAfter(endsOn), "improvement-outside-span",
                "The date for a marked improvement falls after the start and no later than the end.");
        require(checkpoints.stream().allMatch(day -> !day.isBefore(startsOn) && !day.isAfter(endsOn)),
                "checkpoint-outside-span", "Check-points fall within the commitment's span.");
    }

    void requireOpen() {
        require(!concluded, "commitment-concluded", "This commitment has ended.");
    }

    /** New dates keep the commitment coherent, change something, and leave no check-point behind the end. */
    void requireAdjustable(LocalDate newEnd, LocalDate newImprovementBy) {
        requireCoherent(startsOn, newEnd, newImprovementBy, List.of());
        require(!newEnd.equals(endsOn) || !newImprovementBy.equals(improvementBy), "no-change",
                "Those are the dates the commitment already has.");
        require(checkpoints.stream().noneMatch(day -> day.isAfter(newEnd)), "checkpoint-outside-span",
                "A check-point falls after that end; end the commitment later.");
    }

    void requireAcceptableBy(String partnerId) {
        require(!accepted.contains(partnerId), "already-accepted", "You already accepted this commitment as it stands.");
    }

    /** Whether this partner's acceptance makes the commitment: the others had already accepted. */
    boolean madeOnceAcceptedBy(String partnerId, List<String> partnerIds) {
        return withAcceptance(partnerId).accepted().containsAll(partnerIds);
    }

    void requireReviewable(LocalDate checkpoint, Instant now) {
        require(made, "not-made", "Both partners accept a commitment before its check-points are reviewed.");
        require(checkpoints.contains(checkpoint), "unknown-checkpoint", "That day is not a check-point of this commitment.");
        require(!reviewed.contains(checkpoint), "already-reviewed", "This check-point was already reviewed.");
        require(hasBegun(checkpoint, now), "checkpoint-not-due",
                "This check-point can be reviewed from " + checkpoint + " on, not before.");
    }

    /**
     * Whether the day has begun. Nobody's time zone is known here, so a day begins where it begins
     * first (UTC+14): a therapist is never refused on the check-point's own day, wherever they are.
     */
    static boolean hasBegun(LocalDate day, Instant now) {
        return !now.isBefore(day.atStartOfDay(EARLIEST_ZONE).toInstant());
    }

    static Commitment proposed(CommitmentProposed event) {
        return new Commitment(event.startsOn(), event.endsOn(), event.improvementBy(), List.copyOf(event.checkpoints()),
                Set.of(), Set.of(), false, false);
    }

    /** New dates ask both partners again: until both accept, the commitment is not made. */
    Commitment withDates(LocalDate newEnd, LocalDate newImprovementBy) {
        return new Commitment(startsOn, newEnd, newImprovementBy, checkpoints, Set.of(), reviewed, false, concluded);
    }

    Commitment withAcceptance(String partnerId) {
        Set<String> more = new HashSet<>(accepted);
        more.add(partnerId);
        return new Commitment(startsOn, endsOn, improvementBy, checkpoints, Set.copyOf(more), reviewed, made, concluded);
    }

    Commitment asMade() {
        return new Commitment(startsOn, endsOn, improvementBy, checkpoints, accepted, reviewed, true, concluded);
    }

    Commitment withReview(LocalDate checkpoint) {
        Set<LocalDate> more = new HashSet<>(reviewed);
        more.add(checkpoint);
        return new Commitment(startsOn, endsOn, improvementBy, checkpoints, accepted, Set.copyOf(more), made, concluded);
    }

    Commitment asConcluded() {
        return new Commitment(startsOn, endsOn, improvementBy, checkpoints, accepted, reviewed, made, true);
    }
}
