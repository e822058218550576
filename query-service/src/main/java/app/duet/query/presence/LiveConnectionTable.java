package app.duet.query.presence;

import app.duet.api.session.SessionPresenceView.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;

/**
 * The live_connection table (command-service migrates it): every instance's open connections to
 * session views, so presence is the same whichever instance a person or a request lands on. Each
 * change of state is conditional on the state it changes, so of several instances sweeping at once
 * exactly one makes it, and only that one tells the session. An instance beats in instance_beat, one
 * row whatever the number of connections it holds.
 */
@Repository
class LiveConnectionTable {

    /** One row: a person's connection to one session's view through one socket. */
    record Row(String connectionId, String sessionId, String personId, String role, Connection state, long since) {
    }

    /** The connection's instance has not beaten since the cutoff (or ever). */
    private static final String NO_BEAT_SINCE = "NOT EXISTS (SELECT 1 FROM instance_beat b "
            + "WHERE b.instance_id = live_connection.instance_id AND b.heard_at >= ?)";

    private final JdbcClient db;

    LiveConnectionTable(JdbcClient db) {
        this.db = db;
    }

    /** A person opens a session's view: their connection is here, and their old ended ones are forgotten. */
    void open(String connectionId, String sessionId, String personId, String role, String instanceId, long now) {
        db.sql("DELETE FROM live_connection WHERE connection_id = ? OR (session_id = ? AND person_id = ? AND state = 'absent')")
                .params(connectionId, sessionId, personId).update();
        db.sql("INSERT INTO live_connection (connection_id, session_id, person_id, person_role, instance_id, state, since, heard_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'here', ?, ?)")
                .params(connectionId, sessionId, personId, role, instanceId, now, now).update();
    }

    /** here ⇄ away, while the connection lasts; false if it had already ended or was so already. */
    boolean showing(String connectionId, Connection state, long now) {
        return db.sql("UPDATE live_connection SET state = ?, since = ? WHERE connection_id = ? AND state IN ('here', 'away') AND state <> ?")
                .params(name(state), now, connectionId, name(state)).update() == 1;
    }

    /** The connection ended: dropped without a goodbye, absent with one. */
    boolean ended(String connectionId, Connection state, long now) {
        return db.sql("UPDATE live_connection SET state = ?, since = ? WHERE connection_id = ? AND state IN ('here', 'away')")
                .params(name(state), now, connectionId).update() == 1;
    }

    /** This instance still holds its open connections. */
    void beat(String instanceId, long now) {
        if (db.sql("UPDATE instance_beat SET heard_at = ? WHERE instance_id = ?").params(now, instanceId).update() == 0) {
            db.sql("INSERT INTO instance_beat (instance_id, heard_at) VALUES (?, ?)").params(instanceId, now).update();
        }
    }

    /** Open connections, opened before the cutoff, whose instance has not beaten since: it has crashed or is cut off. */
    List<Row> unheardSince(long cutoff) {
        return rows("WHERE state IN ('here', 'away') AND heard_at < ? AND " + NO_BEAT_SINCE, cutoff, cutoff);
    }

    /** Marks an unheard connection dropped, unless another instance has just done so (or it beat again). */
    boolean dropUnheard(String connectionId, long cutoff, long now) {
        return db.sql("UPDATE live_connection SET state = 'dropped', since = ? WHERE connection_id = ? AND state IN ('here', 'away') "
                        + "AND heard_at < ? AND " + NO_BEAT_SINCE)
                .params(now, connectionId, cutoff, cutoff).update() == 1;
    }

    /** Connections dropped before the cutoff: their people are absent now. */
    List<Row> droppedBefore(long cutoff) {
        return rows("WHERE state = 'dropped' AND since < ?", cutoff);
    }

    /** Keeps since: it says when the person went, which is what a session left alone is judged by. */
    boolean absent(String connectionId) {
        return db.sql("UPDATE live_connection SET state = 'absent' WHERE connection_id = ? AND state = 'dropped'")
                .params(connectionId).update() == 1;
    }

    List<Row> ofSession(String sessionId) {
        return rows("WHERE session_id = ?", sessionId);
    }

    /** Rows of connections long gone, in sessions nobody came back to, and of instances long stopped. */
    void forgetAbsentBefore(long cutoff) {
        db.sql("DELETE FROM live_connection WHERE state = 'absent' AND since < ?").params(cutoff).update();
        db.sql("DELETE FROM instance_beat WHERE heard_at < ?").params(cutoff).update();
    }

    private List<Row> rows(String where, Object... parameters) {
        return db.sql("SELECT connection_id, session_id, person_id, person_role, state, since FROM live_connection " + where)
                .params(parameters)
                .query((result, n) -> new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                        Connection.valueOf(result.getString(5).toUpperCase(Locale.ROOT)), result.getLong(6)))
                .list();
    }

    private static String name(Connection state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
