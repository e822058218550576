package app.duet.identity.account;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The rules behind {@link AcceptablePassword}, with Passay: 10 to 128 characters and at most 72 bytes
 * (bcrypt reads no further, and Spring Security refuses to hash more), no run of five in a row on
 * the alphabet, the digits or the keyboard, no character five times over, and not a common password
 * (the words in {@code passwords/common.txt}) give or take digits, symbols and look-alike digits
 * around it. A passphrase of ordinary words passes: only the whole password is looked up.
 */
public class PasswordRules implements ConstraintValidator<AcceptablePassword, String> {

    static final int MIN_CHARACTERS = 10;
    static final int MAX_CHARACTERS = 128;
    /** bcrypt's own limit. */
    static final int MAX_BYTES = 72;
    private static final int FEWEST_DIFFERENT_CHARACTERS = 4;

    private static final PasswordValidator SHAPE = new PasswordValidator(
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
            new RepeatCharacterRegexRule(5));
    private static final PasswordValidator COMMON = new PasswordValidator(new DictionaryRule(commonPasswords()));
    private static final Map<Character, Character> LOOK_ALIKES = Map.of('@', 'a', '4', 'a', '3', 'e', '1', 'i', '0', 'o',
            '$', 's', '5', 's', '7', 't');

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null || password.isBlank()) {
            return refuse(context, "Please choose a password.");
        }
        int characters = password.codePointCount(0, password.length());
        if (characters < MIN_CHARACTERS) {
            return refuse(context, "A password needs at least " + MIN_CHARACTERS + " characters.");
        }
        if (characters > MAX_CHARACTERS || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return refuse(context, "That password is longer than Duet can keep safely: please use at most " + MAX_BYTES
                    + " letters and digits (fewer if it has accents, other alphabets or emoji).");
        }
        if (password.codePoints().distinct().count() < FEWEST_DIFFERENT_CHARACTERS) {
            return refuse(context, "That password repeats the same few characters, which makes it easy to guess. Please choose another.");
        }
        RuleResult shape = SHAPE.validate(new PasswordData(password));
        if (!shape.isValid()) {
            return refuse(context, "That password has a run like “abcde”, “12345” or “qwert”, or a character five times over, "
                    + "which makes it easy to guess. Please choose another.");
        }
        if (!COMMON.validate(new PasswordData(core(password))).isValid()) {
            return refuse(context, "That is one of the passwords people try first. Please choose another: "
                    + "a few unrelated words together are easy to remember and hard to guess.");
        }
        return true;
    }

    /** The word a password is built on: digits and symbols around it dropped, look-alike digits within read as letters. */
    static String core(String password) {
        String word = password.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        StringBuilder read = new StringBuilder();
        for (char c : word.toCharArray()) {
            read.append(LOOK_ALIKES.getOrDefault(c, c));
        }
        return read.toString();
    }

    private static boolean refuse(ConstraintValidatorContext context, String words) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(words.replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
        return false;
    }

    private static WordListDictionary commonPasswords() {
        try (var lines = new BufferedReader(new InputStreamReader(
                PasswordRules.class.getResourceAsStream("/passwords/common.txt"), StandardCharsets.UTF_8))) {
            String[] words = lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toArray(String[]::new);
            Arrays.sort(words);
            return new WordListDictionary(new ArrayWordList(words, true));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
