package app.duet.command.idempotency;

import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * One request's hold on an account's idempotency key. The id tells this request's hold from a later
 * one that took the key over, so only the holder's command can mark the key as done.
 */
record Claim(String account, String key, String id) {

    private static final String ACCOUNT = "idempotencyAccount";
    private static final String KEY = "idempotencyKey";
    private static final String ID = "idempotencyClaim";

    /** What the claim adds to the command's metadata, so it travels with it into every retry. */
    Map<String, String> asMetaData() {
        return Map.of(ACCOUNT, account, KEY, key, ID, id);
    }

    /** The claim a command carries, or null when it was sent without an idempotency key. */
    static Claim of(MetaData metaData) {
        Object id = metaData.get(ID);
        return id == null ? null : new Claim(String.valueOf(metaData.get(ACCOUNT)), String.valueOf(metaData.get(KEY)),
                id.toString());
    }
}
