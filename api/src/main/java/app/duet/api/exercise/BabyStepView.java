package app.duet.api.exercise;

/**
 * What became of a behaviour on a partner's list: chosen as it stands, or answered with a smaller
 * step, and whether the partner who took it up committed to it.
 */
public record BabyStepView(String behaviourEntryId, String listedBy, String takenUpBy, String smallerStep, boolean committed) {
}
