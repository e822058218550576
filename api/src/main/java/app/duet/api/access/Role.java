package app.duet.api.access;

/**
 * What a signed-in person is to Duet. Carried in the access token's {@code roles} claim, so every
 * service decides from the same words.
 */
public enum Role {
    /** One of the two people in a couple: acts in their own couple's sessions. */
    PARTNER,
    /** A clinician a couple invited: observes, never acts as a partner. */
    THERAPIST,
    /** A researcher or clinic lead: pseudonymised history and metrics only. */
    ANALYST,
    /** An operator: manages accounts, sees no session content. */
    ADMIN
}
