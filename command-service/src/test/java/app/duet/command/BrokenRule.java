package app.duet.command;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;

/** Matches the {@link RuleViolation} of one named rule, so a test fails if another rule fires. */
public final class BrokenRule {

    private BrokenRule() {
    }

    public static Matcher<RuleViolation> brokenRule(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "a broken rule named", "rule") {
            @Override
            protected String featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }

    /** The same, for a rule about one field of the command, which must name that field. */
    public static Matcher<RuleViolation> brokenRule(String rule, String field) {
        return allOf(brokenRule(rule), new FeatureMatcher<RuleViolation, String>(equalTo(field), "about the field", "field") {
            @Override
            protected String featureValueOf(RuleViolation violation) {
                return violation.field();
            }
        });
    }
}
