-- Each query-service instance's last beat, one row per instance. An instance used to beat by
-- rewriting heard_at on every open connection it held: a write per open page per beat, which at
-- 1,000 couples in session was most of what presence cost. Now it writes its own row once a beat,
-- and live_connection.heard_at stays when the connection opened. A connection still open is last
-- known alive at the later of the two; its instance silent that long means it crashed.
CREATE TABLE instance_beat (
    instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
    heard_at    BIGINT      NOT NULL
);
