package app.duet.access;

/**
 * The one answer for an id that is not the caller's to see or change, and for one that does not
 * exist: the same status (403) and the same words, over REST, STOMP and commands alike, so nobody
 * learns from Duet's answers which couples or sessions exist.
 */
public final class NotYours {

    public static final String TITLE = "Not allowed";
    public static final String DETAIL = "There is nothing here for you: it is not yours to see or change, or it does not exist.";

    private NotYours() {
    }
}
