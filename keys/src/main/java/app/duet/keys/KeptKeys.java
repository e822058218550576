package app.duet.keys;

/**
 * Keys a part of Duet keeps in a database, wrapped by the {@link KeyEncryptionKey}: after a rotation
 * each part wraps its own anew with the new primary key ({@link KeyRotation}).
 */
public interface KeptKeys {

    /** What these keys are, for the log. */
    String name();

    /** Wraps every kept key with the key-encryption key's primary (one kept in the clear by an earlier build too); returns how many changed. */
    int wrapWithPrimary();

    /** How many kept keys the key-encryption key's primary did not wrap: older keys are retired only at zero. */
    int notWrappedWithPrimary();
}
