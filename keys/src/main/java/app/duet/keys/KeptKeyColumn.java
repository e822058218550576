package app.duet.keys;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Base64;
import java.util.Map;

/**
 * A database column of keys kept wrapped by the {@link KeyEncryptionKey}, each bound to its row's id
 * (a couple's data keys, the issuer's signing keys): opening one, and wrapping them all with the
 * current primary key, which also wraps one an earlier build kept in the clear (base64).
 */
public record KeptKeyColumn(JdbcClient db, KeyEncryptionKey wrapping, String table, String idColumn, String keyColumn) {

    /** The key a row keeps, for the row's id. */
    public byte[] open(String kept, String id) {
        return KeyEncryptionKey.isWrapped(kept) ? wrapping.unwrap(kept, id) : Base64.getDecoder().decode(kept);
    }

    /** Every kept key wrapped with the primary; a row changed meanwhile (an erasure blanks it) is left as it is. */
    public int wrapWithPrimary() {
        int changed = 0;
        for (Map.Entry<String, String> row : db.sql("SELECT " + idColumn + ", " + keyColumn + " FROM " + table
                        + " WHERE " + keyColumn + " IS NOT NULL")
                .query((result, n) -> Map.entry(result.getString(1), result.getString(2))).list()) {
            String kept = row.getValue();
            String wrapped = KeyEncryptionKey.isWrapped(kept) ? wrapping.rewrap(kept, row.getKey())
                    : wrapping.wrap(open(kept, row.getKey()), row.getKey());
            if (!wrapped.equals(kept)) {
                changed += db.sql("UPDATE " + table + " SET " + keyColumn + " = :wrapped WHERE " + idColumn + " = :id AND "
                                + keyColumn + " = :kept")
                        .param("wrapped", wrapped).param("id", row.getKey()).param("kept", kept).update();
            }
        }
        return changed;
    }

    /** How many kept keys the primary did not wrap. */
    public int notWrappedWithPrimary() {
        return (int) db.sql("SELECT " + keyColumn + " FROM " + table + " WHERE " + keyColumn + " IS NOT NULL")
                .query(String.class).list().stream().filter(kept -> !wrapping.isWrappedByPrimary(kept)).count();
    }
}
