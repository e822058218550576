-- Refresh tokens already traded for new ones. Each is used once; one presented again means a copy is in
-- someone else's hands, and the whole sign-in it belongs to is ended. Only a SHA-256 hash is kept;
-- a row goes with its authorization.
CREATE TABLE spent_refresh_token (
    token_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    spent_at         TIMESTAMP    NOT NULL
);
CREATE INDEX spent_refresh_token_authorization ON spent_refresh_token (authorization_id);
