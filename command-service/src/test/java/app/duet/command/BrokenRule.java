package app.duet.command;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

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
}
