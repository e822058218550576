package app.duet.query.analytics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * Stable pseudonyms for analysts: a keyed hash (HMAC-SHA-256) of a couple's or a session's id, so
 * the same couple has the same pseudonym in every export and every instance, and nobody without
 * the key can go back from a pseudonym to the id. Partners are "A" (who opened the couple) and "B".
 */
@Component
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(@Value("${duet.analytics.pseudonym-key}") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String couple(String coupleId) {
        return "c-" + hash(coupleId);
    }

    public String session(String sessionId) {
        return sessionId == null ? null : "s-" + hash(sessionId);
    }

    /** An event's id as analysts see it: stable, but not the id in the event store. */
    public String event(String eventId) {
        return eventId == null ? null : "e-" + hash(eventId);
    }

    /** "A" for the partner who opened the couple, "B" for the other; null for anyone else. */
    public static String partner(List<String> partnerIds, String partnerId) {
        int index = partnerIds.indexOf(partnerId);
        return index < 0 ? null : String.valueOf((char) ('A' + index));
    }

    private String hash(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", impossible);
        }
    }
}
