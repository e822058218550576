package app.duet.eventstore;

/**
 * Axon 4.12+ phones home with anonymous usage data unless told not to, and it reads that only from
 * a system property, an environment variable or a file in the home folder, never from Spring's
 * configuration. Duet holds private data and makes no outside calls, so every entry point says no.
 */
public final class AxonUsageReports {

    private static final String PROPERTY = "axoniq.update-checker.disabled";

    private AxonUsageReports() {
    }

    /** Unless the operator decided otherwise explicitly. */
    public static void switchOff() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
