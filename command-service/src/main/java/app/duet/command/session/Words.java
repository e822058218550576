package app.duet.command.session;

/** Whether a partner put something into words: blank is nothing said. */
public final class Words {

    private Words() {
    }

    public static boolean given(String words) {
        return words != null && !words.isBlank();
    }
}
