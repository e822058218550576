package app.duet.command.couple;

import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentProposed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;

/** The couple's time-bound commitments as their rules need them: dates, acceptances, check-points reviewed. */
final class Commitments {

    /** One commitment as its rules need it; a value, replaced on every event, so state compares by value. */
    private record Commitment(LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy, List<LocalDate> checkpoints,
                              Set<String> accepted, Set<LocalDate> reviewed, boolean made, boolean concluded) {

        Commitment accept(String partnerId) {
            Set<String> more = new HashSet<>(accepted);
            more.add(partnerId);
            return new Commitment(startsOn, endsOn, improvementBy, checkpoints, Set.copyOf(more), reviewed, made, concluded);
        }

        Commitment review(LocalDate checkpoint) {
            Set<LocalDate> more = new HashSet<>(reviewed);
            more.add(checkpoint);
            return new Commitment(startsOn, endsOn, improvementBy, checkpoints, accepted, Set.copyOf(more), made, concluded);
        }
    }

    private final Map<String, Commitment> byId = new HashMap<>();

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

    void requireNew(String commitmentId) {
        require(!byId.containsKey(commitmentId), "duplicate-commitment", "That commitment was already proposed.");
    }

    /** Checks an adjustment keeps the commitment coherent; returns nothing, throws on a broken rule. */
    void requireAdjustable(String commitmentId, LocalDate endsOn, LocalDate improvementBy) {
        Commitment commitment = requireOpen(commitmentId);
        requireCoherent(commitment.startsOn(), endsOn, improvementBy, List.of());
        require(!endsOn.equals(commitment.endsOn()) || !improvementBy.equals(commitment.improvementBy()), "no-change",
                "Those are the dates the commitment already has.");
        require(commitment.checkpoints().stream().noneMatch(day -> day.isAfter(endsOn)), "checkpoint-outside-span",
                "A check-point falls after that end; end the commitment later.");
    }

    /** Whether this acceptance makes the commitment (the other partner had already accepted). */
    boolean requireAcceptable(String commitmentId, String partnerId, List<String> partnerIds) {
        Commitment commitment = requireOpen(commitmentId);
        require(!commitment.accepted().contains(partnerId), "already-accepted",
                "You already accepted this commitment as it stands.");
        Set<String> after = new HashSet<>(commitment.accepted());
        after.add(partnerId);
        return after.containsAll(partnerIds);
    }

    void requireReviewable(String commitmentId, LocalDate checkpoint) {
        Commitment commitment = requireOpen(commitmentId);
        require(commitment.made(), "not-made", "Both partners accept a commitment before its check-points are reviewed.");
        require(commitment.checkpoints().contains(checkpoint), "unknown-checkpoint", "That day is not a check-point of this commitment.");
        require(!commitment.reviewed().contains(checkpoint), "already-reviewed", "This check-point was already reviewed.");
    }

    void requireConcludable(String commitmentId) {
        requireOpen(commitmentId);
    }

    LocalDate startsOn(String commitmentId) {
        return byId.get(commitmentId).startsOn();
    }

    LocalDate endsOn(String commitmentId) {
        return byId.get(commitmentId).endsOn();
    }

    LocalDate improvementBy(String commitmentId) {
        return byId.get(commitmentId).improvementBy();
    }

    private Commitment requireOpen(String commitmentId) {
        Commitment commitment = byId.get(commitmentId);
        require(commitment != null, "unknown-commitment", "There is no such commitment.");
        require(!commitment.concluded(), "commitment-concluded", "This commitment has ended.");
        return commitment;
    }

    void proposed(CommitmentProposed event) {
        byId.put(event.commitmentId(), new Commitment(event.startsOn(), event.endsOn(), event.improvementBy(),
                List.copyOf(event.checkpoints()), Set.of(), Set.of(), false, false));
    }

    /** New dates ask both partners again: until both accept, the commitment is not made. */
    void adjusted(CommitmentAdjusted event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> new Commitment(c.startsOn(), event.endsOn(),
                event.improvementBy(), c.checkpoints(), Set.of(), c.reviewed(), false, c.concluded()));
    }

    void accepted(String commitmentId, String partnerId) {
        byId.computeIfPresent(commitmentId, (id, c) -> c.accept(partnerId));
    }

    void made(String commitmentId) {
        byId.computeIfPresent(commitmentId, (id, c) -> new Commitment(c.startsOn(), c.endsOn(), c.improvementBy(),
                c.checkpoints(), c.accepted(), c.reviewed(), true, c.concluded()));
    }

    void reviewed(String commitmentId, LocalDate checkpoint) {
        byId.computeIfPresent(commitmentId, (id, c) -> c.review(checkpoint));
    }

    void concluded(String commitmentId) {
        byId.computeIfPresent(commitmentId, (id, c) -> new Commitment(c.startsOn(), c.endsOn(), c.improvementBy(),
                c.checkpoints(), c.accepted(), c.reviewed(), c.made(), true));
    }
}
