package app.duet.identity.account;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which passwords Duet keeps, and what a person is told about one it does not. */
class PasswordRulesTest {

    record Chosen(@AcceptablePassword String password) {
    }

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "1234567890", "password12", "Password2024!", "P@ssw0rd99", "qwertyuiop",
            "iloveyou!!", "2024welcome", "abcdefghij", "ababababab", "zzzz1111zz", "letmein...."})
    void passwordsPeopleGuessFirstAreRefused(String password) {
        assertThat(refusals(password)).singleElement().asString().contains("guess").doesNotContain("{").doesNotContain("password:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "a long enough password", "the admin's long password", "Kettle-Orbit-Violin",
            "mañana sobre el río", "ein schöner Tag am See"})
    void passphrasesAndUnusualPasswordsAreKept(String password) {
        assertThat(refusals(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {73, 100, 128})
    void morePasswordThanItsHashCoversIsRefusedInWords(int bytes) {
        String password = "kettle orbit violin ".repeat(7).substring(0, bytes);
        assertThat(refusals(password)).singleElement().asString().contains("at most 72");
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "ü", "😀"})
    void theByteLimitCountsWhatTheHashReadsNotTheCharactersShown(String wide) {
        // 40 two- or four-byte characters: under 72 characters, over 72 bytes.
        String password = (wide + "k").repeat(30);
        assertThat(password.codePointCount(0, password.length())).isLessThan(72);
        assertThat(refusals(password)).singleElement().asString().contains("at most 72");
    }

    @ParameterizedTest
    @ValueSource(ints = {72})
    void exactlySeventyTwoBytesIsKept(int bytes) {
        assertThat(refusals("kettle orbit violin ".repeat(7).substring(0, bytes))).isEmpty();
    }

    private static java.util.List<String> refusals(String password) {
        Set<ConstraintViolation<Chosen>> refused = validator.validate(new Chosen(password));
        return refused.stream().map(ConstraintViolation::getMessage).toList();
    }
}
