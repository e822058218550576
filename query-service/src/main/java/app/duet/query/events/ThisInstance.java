package app.duet.query.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name this query-service instance claims segments under and beats its heart with. Each start
 * takes a new one unless {@code duet.instance-id} names it: two instances must never share a name
 * (Axon's default, the JVM's pid@host, is shared by two instances in one JVM and may repeat across
 * containers), or each would take the other's claims for its own.
 */
public record ThisInstance(String id) {

    /**
     * Standalone's name: its views file is locked by the one JVM that has it open, so a claim found in
     * it is this product's own, left by a killed run, and is taken back at once instead of after the
     * claim's timeout.
     */
    public static final String VIEWS_FILE_OWNER = "owner-of-the-views-file";

    public static ThisInstance named(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new ThisInstance(configured);
        }
        return new ThisInstance(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "query-service";
        }
    }
}
