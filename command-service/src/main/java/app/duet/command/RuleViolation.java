package app.duet.command;

/**
 * A command that breaks one of the domain's rules. Nothing is stored when it is thrown; the REST
 * layer answers it with 409 Conflict and the rule's code, so clients can tell rules apart.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable, machine-readable name of the rule that was broken, such as {@code bid-already-answered}. */
    public String rule() {
        return rule;
    }

    /** Throws when the condition does not hold. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }

    /** Throws {@code words-required} unless the words say something. */
    public static void requireWords(String words, String message) {
        require(words != null && !words.isBlank(), "words-required", message);
    }
}
