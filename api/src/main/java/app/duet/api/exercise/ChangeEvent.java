package app.duet.api.exercise;

/** The two turning points a therapist can confirm, as clinical judgements of a partner's move. */
public enum ChangeEvent {
    BLAMER_SOFTENING,
    WITHDRAWER_REENGAGEMENT
}
