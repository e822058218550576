-- Live state, not history: each open connection of a person to a session's live view, written by
-- query-service (whichever instance holds the socket) and read by every instance and by
-- command-service, which pauses a session its partners have all left for long. Never an event.
-- state: here | away (the page is hidden) | dropped (the socket went without a goodbye) | absent
-- (dropped for longer than the grace period, or a goodbye). since: when the connection entered its
-- state, or ended. heard_at: the last beat of the instance holding the socket; an instance that stops
-- beating (a crash) has its connections judged dropped by the others. Times are epoch milliseconds.
CREATE TABLE live_connection (
    connection_id VARCHAR(160) NOT NULL PRIMARY KEY,
    session_id    VARCHAR(64)  NOT NULL,
    person_id     VARCHAR(64)  NOT NULL,
    person_role   VARCHAR(16)  NOT NULL,
    instance_id   VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    since         BIGINT       NOT NULL,
    heard_at      BIGINT       NOT NULL
);

CREATE INDEX live_connection_session ON live_connection (session_id);
CREATE INDEX live_connection_instance ON live_connection (instance_id);
CREATE INDEX live_connection_state_heard ON live_connection (state, heard_at);
