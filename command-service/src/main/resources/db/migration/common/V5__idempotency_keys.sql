-- Idempotency keys: a retried command is answered from here instead of being done twice. One row
-- per account and key, from the claim a request makes before it runs to the answer it gave.
-- No request body is kept, only a SHA-256 of method, path and body; the answers kept are those of
-- commands, which are ids only.
CREATE TABLE idempotency_key (
    account_id      VARCHAR(255)             NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    -- Names the one request that holds the key; the command's transaction checks it (a fence).
    claim_id        VARCHAR(36)              NOT NULL,
    -- claimed, then committed (in the transaction of the command's events), then answered.
    state           VARCHAR(16)              NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    body            BYTEA,
    PRIMARY KEY (account_id, idempotency_key)
);

-- The purge deletes by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
