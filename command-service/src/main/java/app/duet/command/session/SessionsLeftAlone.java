package app.duet.command.session;

import app.duet.api.session.PauseSessionLeftAlone;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

/**
 * Pauses a session both partners have left without a word for long: their connections, which
 * query-service keeps in live_connection (live state, never events), all ended before the cutoff, or
 * belong to an instance that stopped beating that long ago. A recurring task on the durable
 * scheduler, so of several instances one looks, once per interval. The session pauses; it never ends.
 */
@Configuration(proxyBeanMethods = false)
class SessionsLeftAlone {

    private static final Logger log = LoggerFactory.getLogger(SessionsLeftAlone.class);

    /**
     * When each partner connection was last known alive: when it ended, or, still open, the later of
     * when it opened and its instance's last beat (instance_beat).
     */
    private static final String GONE_SINCE = "CASE WHEN state IN ('absent', 'dropped') THEN since ELSE GREATEST(heard_at, "
            + "COALESCE((SELECT b.heard_at FROM instance_beat b WHERE b.instance_id = live_connection.instance_id), 0)) END";

    @Bean
    RecurringTask<Void> sessionsLeftAloneTask(JdbcClient db, ObjectProvider<CommandGateway> commands,
                                              @Value("${duet.session.pause-when-left-alone-for:15m}") Duration leftAloneFor,
                                              @Value("${duet.session.left-alone-check-every:1m}") Duration checkEvery) {
        return Tasks.recurring("sessions-left-alone", FixedDelay.of(checkEvery))
                .execute((instance, context) -> pauseLeftAlone(db, commands.getObject(), System.currentTimeMillis() - leftAloneFor.toMillis()));
    }

    static void pauseLeftAlone(JdbcClient db, CommandGateway commands, long cutoff) {
        // Judged per connection first: an aggregate over a subquery is not what every database takes.
        List<String> sessions = db.sql("SELECT session_id FROM (SELECT session_id, " + GONE_SINCE + " AS gone_since "
                        + "FROM live_connection WHERE person_role = 'partner') connections "
                        + "GROUP BY session_id HAVING MAX(gone_since) < ?")
                .params(cutoff).query(String.class).list();
        for (String sessionId : sessions) {
            try {
                commands.sendAndWait(new PauseSessionLeftAlone(sessionId));
            } catch (RuntimeException refused) {
                log.warn("Session {} was left alone but could not be paused: {}", sessionId, refused.toString());
            }
            // Judged once, paused or not: a partner who comes back opens a new connection, which starts the count again.
            db.sql("DELETE FROM live_connection WHERE session_id = ? AND " + GONE_SINCE + " < ?").params(sessionId, cutoff).update();
        }
    }
}
