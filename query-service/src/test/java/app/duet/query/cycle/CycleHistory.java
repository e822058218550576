package app.duet.query.cycle;

import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A couple's history written by hand for the cycle-state rules: Anna and Ben, events one minute apart
 * (or further, when a test moves the clock on), with ids e1, e2, ... The rules' tests share it.
 */
class CycleHistory {

    static final String COUPLE = "couple-1";
    static final String ANNA = "anna";
    static final String BEN = "ben";
    static final String SESSION = "session-1";
    static final String OTHER_SESSION = "session-2";
    static final String THERAPIST = "therapist-1";
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    final CycleStateDocument state;
    final CycleStateRules rules;
    final List<EvidenceRefView> refs = new ArrayList<>();
    private Instant clock = T0;
    private int ids;
    /** What apply answered for the last event. */
    boolean lastChanged;

    CycleHistory(CycleThresholds thresholds) {
        state = new CycleStateDocument(COUPLE, thresholds);
        rules = new CycleStateRules(state);
    }

    /** Applies the events one after the other; returns the state. */
    CycleStateDocument given(Object... events) {
        for (Object event : events) {
            when(event);
        }
        return state;
    }

    /** Applies one event a minute after the last and returns its ref. */
    EvidenceRefView when(Object event) {
        clock = clock.plus(Duration.ofMinutes(1));
        int n = refs.size() + 1;
        EvidenceRefView ref = new EvidenceRefView("e" + n, event.getClass().getSimpleName(), aggregateOf(event), clock);
        refs.add(ref);
        lastChanged = rules.apply(event, ref);
        return ref;
    }

    /** The clock moves on: the next event happens this much later. */
    void later(Duration duration) {
        clock = clock.plus(duration);
    }

    private static String aggregateOf(Object event) {
        if (event instanceof SessionStarted started) {
            return started.sessionId();
        }
        String name = event.getClass().getPackageName();
        return name.endsWith(".session") || name.endsWith(".exercise") ? SESSION : COUPLE;
    }

    CycleStateView view() {
        return state.toView();
    }

    PartnerCycleView partner(String id) {
        return view().partners().stream().filter(p -> p.partnerId().equals(id)).findFirst().orElseThrow();
    }

    List<String> ids(String figure) {
        return state.evidenceFor(figure).stream().map(EvidenceRefView::eventId).toList();
    }

    List<String> phaseNotes() {
        return view().timeline().stream().map(item -> item.kind().wireName()).filter(kind -> kind.startsWith("phase-"))
                .toList();
    }

    String next(String prefix) {
        return prefix + "-" + (++ids);
    }

    /** Anna created the couple, Ben joined, and Anna started a cycle-map session both joined. */
    void coupleInSession() {
        given(new CoupleCreated(COUPLE, ANNA, "Anna", "CODE-1", T0.plus(Duration.ofDays(7))),
                new PartnerJoinedCouple(COUPLE, BEN, "Ben"));
        sessionTogether(SESSION, Exercise.CYCLE_MAP);
    }

    /** A session Anna started and both joined. */
    void sessionTogether(String sessionId, Exercise exercise) {
        given(started(sessionId, exercise), new PartnerJoinedSession(sessionId, ANNA), new PartnerJoinedSession(sessionId, BEN));
    }

    /** Both partners consented to a therapist, who can now confirm turning points. */
    void withTherapist() {
        given(new TherapistInvited(COUPLE, THERAPIST, "Dr Lee", ANNA), new TherapistAccessGranted(COUPLE, THERAPIST, BEN));
    }

    static SessionStarted started(String sessionId, Exercise exercise) {
        return new SessionStarted(sessionId, COUPLE, exercise, List.of(ANNA, BEN), ANNA);
    }

    static CycleLinkRecorded behaviour(String entryId, String author, CycleMove move) {
        return new CycleLinkRecorded(SESSION, entryId, author, "my-side", CycleLink.BEHAVIOUR, 7, move, "words");
    }

    static CycleLinkRecorded link(String entryId, String author, CycleLink link) {
        return new CycleLinkRecorded(SESSION, entryId, author, "my-side", link, 5, null, "words");
    }

    static EntryShared shared(String entryId, String author) {
        return new EntryShared(SESSION, entryId, author);
    }

    static AnswersRevealed revealed(String... authorThenEntry) {
        List<AnswersRevealed.RevealedEntry> entries = new ArrayList<>();
        for (int i = 0; i < authorThenEntry.length; i += 2) {
            entries.add(new AnswersRevealed.RevealedEntry(authorThenEntry[i], authorThenEntry[i + 1]));
        }
        return new AnswersRevealed(SESSION, "my-side", ANNA, entries);
    }

    AppreciationExpressed appreciation(String from) {
        return new AppreciationExpressed(COUPLE, next("appreciation"), from, other(from), "thank you");
    }

    static BlamerSoftened softened(String moveId, String partner) {
        return new BlamerSoftened(SESSION, moveId, partner, "I long for you");
    }

    static WithdrawerReengaged reengaged(String moveId, String partner) {
        return new WithdrawerReengaged(SESSION, moveId, partner, "I went quiet because I was hurt");
    }

    static ChangeEventConfirmed confirmed(String moveId, String partner, ChangeEvent change) {
        return new ChangeEventConfirmed(SESSION, moveId, partner, change, THERAPIST);
    }

    BidMade sessionBid(String from) {
        return new BidMade(SESSION, next("bid"), from, other(from), "look at this");
    }

    EverydayBidMade everydayBid(String from) {
        return new EverydayBidMade(COUPLE, next("bid"), from, other(from), "coffee?");
    }

    BidAnswered sessionAnswer(String sessionId, String by, BidResponse response) {
        return new BidAnswered(sessionId, next("bid"), by, response);
    }

    EverydayBidAnswered everydayAnswer(String by, BidResponse response) {
        return new EverydayBidAnswered(COUPLE, next("bid"), by, response);
    }

    /** A bid to this partner left unanswered between sessions. */
    EverydayBidMissed everydayMissed(String to) {
        return new EverydayBidMissed(COUPLE, next("bid"), other(to), to);
    }

    /** A bid to this partner left unanswered in a session. */
    BidMissed sessionMissed(String to) {
        return new BidMissed(SESSION, next("bid"), other(to), to);
    }

    AppointmentMissed appointmentMissed(String partner) {
        return new AppointmentMissed(COUPLE, next("meeting"), DAY, partner);
    }

    AppointmentAttended attended(String... partners) {
        return new AppointmentAttended(COUPLE, next("meeting"), DAY, List.of(partners), THERAPIST);
    }

    CheckpointReviewed checkpoint(CheckpointOutcome outcome) {
        return new CheckpointReviewed(COUPLE, "commitment-1", DAY.plusDays(++ids), outcome, THERAPIST);
    }

    LeanCheckedIn leanBetweenSessions(String partner, Lean lean, int energy) {
        return new LeanCheckedIn(COUPLE, next("check-in"), partner, lean, energy);
    }

    static LeanRecorded leanInSession(String entryId, String partner, Lean lean, int energy) {
        return new LeanRecorded(SESSION, COUPLE, entryId, partner, "lean", lean, energy);
    }

    static String other(String partner) {
        return ANNA.equals(partner) ? BEN : ANNA;
    }
}
