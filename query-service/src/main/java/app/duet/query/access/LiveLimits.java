package app.duet.query.access;

import app.duet.access.limits.Limits;
import app.duet.access.limits.Rate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one person may hold open live: {@code duet.access.connections-per-account} STOMP connections
 * at once across every instance (a person has a few tabs; each holds a socket and its buffers), and
 * {@code duet.access.subscriptions-per-connection} subscriptions on each. The connections are
 * counted in a shared bucket: CONNECT takes one, the socket's close gives it back. A socket lost
 * without its close (its instance crashed) is given back by the bucket's refill, one every
 * {@code connections-per-account}th of {@code duet.access.connection-refill}.
 */
@Component
public class LiveLimits {

    private static final Logger log = LoggerFactory.getLogger(LiveLimits.class);

    private final Limits limits;
    private final Rate connections;
    private final int subscriptions;
    /** The open sockets of this instance that took a connection, and whose: each gives it back once. */
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    LiveLimits(Limits limits, @Value("${duet.access.connections-per-account:10}") long connectionsPerAccount,
               @Value("${duet.access.connection-refill:PT1H}") Duration refill,
               @Value("${duet.access.subscriptions-per-connection:50}") int subscriptionsPerConnection) {
        this.limits = limits;
        this.connections = new Rate(connectionsPerAccount, refill);
        this.subscriptions = subscriptionsPerConnection;
    }

    /** A CONNECT signed in as {@code account}: refused past the account's open connections. */
    void connecting(String socketId, String account) {
        if (holders.containsKey(socketId)) {
            return;
        }
        if (!take(account)) {
            throw new AccessDeniedException("too-many-connections: Duet is open in " + connections.amount()
                    + " windows or tabs of yours already. Close one you no longer use, then reload this page.");
        }
        holders.put(socketId, account);
    }

    /** While the store is away a connection goes uncounted: its views cannot be read then either. */
    private boolean take(String account) {
        try {
            return limits.take(key(account), connections).allowed();
        } catch (RuntimeException storeAway) {
            log.warn("A connection goes uncounted while the limits' store is away: {}", storeAway.getMessage());
            return true;
        }
    }

    /** A SUBSCRIBE on a connection that holds {@code current} subscriptions already. */
    void subscribing(int current) {
        if (current >= subscriptions) {
            throw new AccessDeniedException("too-many-subscriptions: this page listens to " + subscriptions
                    + " things already, the most one connection may. Reload the page to start afresh.");
        }
    }

    /** The socket closed, however: its connection is free again. */
    public void closed(String socketId) {
        String account = holders.remove(socketId);
        if (account != null) {
            try {
                limits.giveBack(key(account), connections);
            } catch (RuntimeException storeAway) {
                log.warn("A closed connection is given back by the refill, the limits' store being away: {}", storeAway.getMessage());
            }
        }
    }

    private static String key(String account) {
        return "connections:" + account;
    }
}
