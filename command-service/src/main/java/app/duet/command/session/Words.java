package app.duet.command.session;

/** Whether a partner put something into words: blank is nothing said. */
final class Words {

    private Words() {
    }

    static boolean given(String words) {
        return words != null && !words.isBlank();
    }
}
