package app.duet.command.session;

/** Whether a therapist may observe a couple now: both partners consent. Kept by the write model. */
public interface ObservingTherapists {

    boolean observes(String coupleId, String therapistId);
}
