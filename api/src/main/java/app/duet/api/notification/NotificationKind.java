package app.duet.api.notification;

import java.util.EnumSet;
import java.util.Set;

/** What a notification is about; each person chooses which kinds they get, in the app and by mail. */
public enum NotificationKind {
    /** A therapist was invited by the partner and waits for this partner's consent. */
    CONSENT_REQUEST,
    /** The partner started a session, or joined one. */
    PARTNER_IN_SESSION,
    /** The partner made a bid for connection between sessions. */
    BID,
    /** The partner shared an answer, or both answers at a step were revealed. */
    SHARE,
    /** The therapist set homework. */
    HOMEWORK_SET,
    /** Homework not done yet is due soon. */
    HOMEWORK_DUE,
    /** A check-point of the couple's commitment is coming up. */
    CHECKPOINT_COMING,
    /** The therapist proposed a time-bound commitment. */
    COMMITMENT_PROPOSED;

    /** The reminders, the only kinds that may also come by mail. */
    public static final Set<NotificationKind> REMINDERS = Set.copyOf(EnumSet.of(HOMEWORK_DUE, CHECKPOINT_COMING));

    /** Whether this kind may come by mail. */
    public boolean mayBeMailed() {
        return REMINDERS.contains(this);
    }
}
