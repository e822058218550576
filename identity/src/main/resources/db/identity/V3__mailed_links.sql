-- Links sent by mail (where mail is configured): each holds a random token, of which only a SHA-256
-- hash is kept; a link works once (its row is deleted as it is used) and only until it expires.

-- An account asked for but not yet opened: it opens when its address is confirmed by the link.
CREATE TABLE pending_sign_up (
    token_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name  VARCHAR(60)  NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    expires_at    TIMESTAMP    NOT NULL
);

-- A forgotten password: the link lets its account choose a new one.
CREATE TABLE password_reset (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP   NOT NULL
);
