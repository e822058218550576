package app.duet.eventstore.privacy;

import app.duet.keys.ErasureLedger;
import app.duet.keys.KeptKeyColumn;
import app.duet.keys.KeptKeys;
import app.duet.keys.KeyEncryptionKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The couples' data keys, in the event store's database, each wrapped by the key-encryption key that
 * is kept outside it ({@link KeyEncryptionKey}), bound to its couple's id. A couple's key is made the
 * first time its personal data is written; erasing the couple writes the erasure in the ledger outside
 * the database ({@link ErasureLedger}) and then blanks the key for good. A couple the ledger names is
 * erased whatever the database says: a database restored from a backup taken before the erasure still
 * holds its key, and never uses it again. Keys are cached in memory; every JVM forgets a couple's key
 * when it learns of the erasure ({@link #forget}).
 */
public class DataKeys implements KeptKeys {

    private final JdbcClient jdbc;
    private final KeyEncryptionKey wrapping;
    private final KeptKeyColumn column;
    private final ErasureLedger ledger;
    private final Map<String, SecretKey> keysByCouple = new ConcurrentHashMap<>();
    private final Map<String, String> coupleByOwner = new ConcurrentHashMap<>();

    public DataKeys(JdbcClient jdbc, KeyEncryptionKey wrapping, ErasureLedger ledger) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.column = new KeptKeyColumn(jdbc, wrapping, "couple_key", "couple_id", "key_material");
        this.ledger = ledger;
    }

    /**
     * The key to encrypt with, as the database holds it now, so an erasure made by another JVM is
     * seen at once. Only where a couple begins ({@code mayCreate}) is a missing key made.
     */
    public SecretKey keyForWriting(String ownerId, boolean mayCreate) {
        String coupleId = coupleOf(ownerId).orElse(ownerId);
        StoredKey stored = storedKey(coupleId);
        if (stored.material() == null && mayCreate && !stored.erased()) {
            create(coupleId);
            forgetInTransaction(coupleId);
            stored = storedKey(coupleId);
        }
        if (stored.material() == null) {
            if (stored.erased()) {
                throw new CoupleErasedException(coupleId);
            }
            throw new IllegalStateException("No data key for " + ownerId + ": it is linked to no couple");
        }
        return keyOf(stored);
    }

    /** Whether the owner (a couple or one of its sessions) belongs to an erased couple, as the database holds it now. */
    public boolean isErasedOwner(String ownerId) {
        return coupleOf(ownerId).map(coupleId -> storedKey(coupleId).erased()).orElse(false);
    }

    /** The couple an owner's data belongs to (a couple owns itself), once linked. */
    public Optional<String> coupleOfOwner(String ownerId) {
        return coupleOf(ownerId);
    }

    /** The key to decrypt with, if the couple has not been erased. */
    public Optional<SecretKey> keyForReading(String ownerId) {
        return coupleOf(ownerId).flatMap(this::existingKey);
    }

    /**
     * The key to decrypt with as the database holds it now (not this JVM's memory of it): for what
     * must be unreadable the moment any instance erased the couple, such as a snapshot.
     */
    public Optional<SecretKey> currentKeyForReading(String ownerId) {
        return coupleOf(ownerId).map(this::storedKey).filter(stored -> stored.material() != null).map(this::keyOf);
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

    /** Crypto-shredding: the key is gone, so is every word encrypted with it; the ledger first, so no restore brings it back. */
    public void erase(String coupleId) {
        ledger.record(coupleId);
        jdbc.sql("UPDATE couple_key SET key_material = NULL, erased_at = :at WHERE couple_id = :couple")
                .param("at", Timestamp.from(Instant.now())).param("couple", coupleId).update();
        forgetInTransaction(coupleId);
        forget(coupleId);
    }

    /** Whether the erasure ledger, kept outside the database, names the couple. */
    public boolean isInErasureLedger(String coupleId) {
        return ledger.contains(coupleId);
    }

    public void forget(String coupleId) {
        keysByCouple.remove(coupleId);
    }

    /**
     * Couples the ledger names whose key the database still holds: it was restored from a backup taken
     * before their erasure. Each is to be erased again, through the events, so every view lets it go too.
     */
    public List<String> erasedButStillKept() {
        return ledger.erased().stream().filter(coupleId -> jdbc.sql(
                        "SELECT COUNT(*) FROM couple_key WHERE couple_id = :couple AND key_material IS NOT NULL")
                .param("couple", coupleId).query(Long.class).single() > 0).toList();
    }


    @Override
    public String name() {
        return "the couples' data keys";
    }

    @Override
    public int wrapWithPrimary() {
        return column.wrapWithPrimary();
    }

    @Override
    public int notWrappedWithPrimary() {
        return column.notWrappedWithPrimary();
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
        Optional<SecretKey> key = Optional.of(storedKey(coupleId)).filter(stored -> stored.material() != null)
                .map(this::keyOf);
        key.ifPresent(k -> keysByCouple.put(coupleId, k));
        return key;
    }

    /**
     * One primary-key read per couple and transaction. A command reads it when it is checked
     * ({@code ErasedCouples}) and again when its events are encrypted; both see the same row, and the
     * next transaction reads it anew, so no JVM acts on a key another one erased before the
     * transaction began. Outside a transaction every call reads the database.
     */
    private StoredKey storedKey(String coupleId) {
        Map<String, StoredKey> inTransaction = transactionMemo();
        StoredKey known = inTransaction == null ? null : inTransaction.get(coupleId);
        if (known != null) {
            return known;
        }
        if (ledger.contains(coupleId)) {
            return StoredKey.ERASED;
        }
        StoredKey stored = jdbc.sql("SELECT key_material, erased_at FROM couple_key WHERE couple_id = :couple")
                .param("couple", coupleId)
                .query((row, n) -> new StoredKey(coupleId, row.getString("key_material"), row.getTimestamp("erased_at") != null))
                .optional().orElse(StoredKey.NONE);
        if (inTransaction != null) {
            inTransaction.put(coupleId, stored);
        }
        return stored;
    }

    private void forgetInTransaction(String coupleId) {
        Map<String, StoredKey> inTransaction = transactionMemo();
        if (inTransaction != null) {
            inTransaction.remove(coupleId);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, StoredKey> transactionMemo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, StoredKey> memo = (Map<String, StoredKey>) TransactionSynchronizationManager.getResource(this);
        if (memo == null) {
            Map<String, StoredKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            memo = fresh;
        }
        return memo;
    }

    /** A couple's row: its key material (wrapped; null once erased or never made) and whether it was erased. */
    private record StoredKey(String coupleId, String material, boolean erased) {
        static final StoredKey NONE = new StoredKey(null, null, false);
        static final StoredKey ERASED = new StoredKey(null, null, true);
    }

    /** The key inside a row: unwrapped, or as an earlier build kept it in the clear until it is wrapped at start. */
    private SecretKey keyOf(StoredKey stored) {
        return new SecretKeySpec(column.open(stored.material(), stored.coupleId()), "AES");
    }

    private void create(String coupleId) {
        // Two writers may race to make the key; the first one's stands and both read it back.
        jdbc.sql("INSERT INTO couple_key (couple_id, key_material, created_at) VALUES (:couple, :key, :at) ON CONFLICT DO NOTHING")
                .param("couple", coupleId)
                .param("key", wrapping.wrap(newKey().getEncoded(), coupleId))
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
