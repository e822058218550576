package app.duet.command;

/**
 * A command that breaks one of the domain's rules. Nothing is stored when it is thrown; the REST
 * layer answers it with 409 Conflict and the rule's code, so clients can tell rules apart.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolation(String rule, String message) {
        this(rule, null, message);
    }

    /** A rule about one field of the command, which the answer names so a screen can point at it. */
    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    /** A stable, machine-readable name of the rule that was broken, such as {@code bid-already-answered}. */
    public String rule() {
        return rule;
    }

    /** The command's field the rule is about, or null when it is about the command as a whole. */
    public String field() {
        return field;
    }

    /** Throws when the condition does not hold. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }

    /** Throws when the condition does not hold, naming the field at fault. */
    public static void requireField(boolean condition, String rule, String field, String message) {
        if (!condition) {
            throw new RuleViolation(rule, field, message);
        }
    }

    /** Throws {@code words-required} unless the words say something. */
    public static void requireWords(String words, String message) {
        require(words != null && !words.isBlank(), "words-required", message);
    }
}
