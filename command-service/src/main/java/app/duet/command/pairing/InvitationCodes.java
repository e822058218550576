package app.duet.command.pairing;

import java.security.SecureRandom;
import java.util.Locale;

/** Invitation codes that are easy to read aloud and type: no 0/O or 1/I/L look-alikes. */
public final class InvitationCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {
    }

    /** A fresh code such as {@code K7QF-2MZD}: about 40 bits of randomness. */
    public static String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, in the form codes are issued: upper case, one hyphen in the middle. */
    public static String normalize(String typed) {
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
    }
}
