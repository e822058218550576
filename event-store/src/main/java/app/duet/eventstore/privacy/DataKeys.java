package app.duet.eventstore.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The couples' data keys, in the event store's database. A couple's key is made the first time its
 * personal data is written; erasing the couple blanks the key for good. Keys are cached in memory;
 * every JVM forgets a couple's key when it learns of the erasure ({@link #forget}).
 */
public class DataKeys {

    private final JdbcClient jdbc;
    private final Map<String, SecretKey> keysByCouple = new ConcurrentHashMap<>();
    private final Map<String, String> coupleByOwner = new ConcurrentHashMap<>();

    public DataKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key to encrypt with, always read from the database so an erasure made by another JVM is
     * seen at once. Only where a couple begins ({@code mayCreate}) is a missing key made.
     */
    public SecretKey keyForWriting(String ownerId, boolean mayCreate) {
        String coupleId = coupleOf(ownerId).orElse(ownerId);
        Optional<String> material = storedKey(coupleId);
        if (material.isEmpty() && mayCreate && !isErased(coupleId)) {
            create(coupleId);
            material = storedKey(coupleId);
        }
        if (material.isEmpty()) {
            if (isErased(coupleId)) {
                throw new CoupleErasedException(coupleId);
            }
            throw new IllegalStateException("No data key for " + ownerId + ": it is linked to no couple");
        }
        return new SecretKeySpec(Base64.getDecoder().decode(material.get()), "AES");
    }

    /** Whether the owner (a couple or one of its sessions) belongs to an erased couple. */
    public boolean isErasedOwner(String ownerId) {
        return coupleOf(ownerId).map(this::isErased).orElse(false);
    }

    /** The key to decrypt with, if the couple has not been erased. */
    public Optional<SecretKey> keyForReading(String ownerId) {
        return coupleOf(ownerId).flatMap(this::existingKey);
    }

    /** Records that an owner's data (a session's) is its couple's, so it shares the couple's key and fate. */
    public void link(String ownerId, String coupleId) {
        // ON CONFLICT, not a caught duplicate: a failed statement would abort the surrounding PostgreSQL transaction.
        jdbc.sql("INSERT INTO key_owner (owner_id, couple_id) VALUES (:owner, :couple) ON CONFLICT DO NOTHING")
                .param("owner", ownerId).param("couple", coupleId).update();
        coupleByOwner.put(ownerId, coupleId);
    }

    /** The ids whose data the couple's key covers: the couple itself and each of its sessions. */
    public List<String> ownersOf(String coupleId) {
        return jdbc.sql("SELECT owner_id FROM key_owner WHERE couple_id = :couple")
                .param("couple", coupleId).query(String.class).list();
    }

    /** Crypto-shredding: the key is gone, so is every word encrypted with it. */
    public void erase(String coupleId) {
        jdbc.sql("UPDATE couple_key SET key_material = NULL, erased_at = :at WHERE couple_id = :couple")
                .param("at", Timestamp.from(Instant.now())).param("couple", coupleId).update();
        forget(coupleId);
    }

    public void forget(String coupleId) {
        keysByCouple.remove(coupleId);
    }

    private Optional<String> coupleOf(String ownerId) {
        String cached = coupleByOwner.get(ownerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> coupleId = jdbc.sql("SELECT couple_id FROM key_owner WHERE owner_id = :owner")
                .param("owner", ownerId).query(String.class).optional();
        coupleId.ifPresent(couple -> coupleByOwner.put(ownerId, couple));
        return coupleId;
    }

    private Optional<SecretKey> existingKey(String coupleId) {
        SecretKey cached = keysByCouple.get(coupleId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> key = storedKey(coupleId)
                .map(material -> new SecretKeySpec(Base64.getDecoder().decode(material), "AES"));
        key.ifPresent(k -> keysByCouple.put(coupleId, k));
        return key;
    }

    private Optional<String> storedKey(String coupleId) {
        return jdbc.sql("SELECT key_material FROM couple_key WHERE couple_id = :couple AND key_material IS NOT NULL")
                .param("couple", coupleId).query(String.class).optional();
    }

    private boolean isErased(String coupleId) {
        return jdbc.sql("SELECT COUNT(*) FROM couple_key WHERE couple_id = :couple AND erased_at IS NOT NULL")
                .param("couple", coupleId).query(Long.class).single() > 0;
    }

    private void create(String coupleId) {
        // Two writers may race to make the key; the first one's stands and both read it back.
        jdbc.sql("INSERT INTO couple_key (couple_id, key_material, created_at) VALUES (:couple, :key, :at) ON CONFLICT DO NOTHING")
                .param("couple", coupleId)
                .param("key", Base64.getEncoder().encodeToString(newKey().getEncoded()))
                .param("at", Timestamp.from(Instant.now()))
                .update();
        link(coupleId, coupleId);
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
