-- Accounts and the issuer's signing key. The same SQL runs on PostgreSQL and H2.
CREATE TABLE account (
    account_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    -- An adaptive hash with its algorithm as prefix ({bcrypt}...), never the password.
    password_hash VARCHAR(255) NOT NULL,
    display_name  VARCHAR(60)  NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);

-- The RSA key that signs access tokens, kept so tokens stay valid across restarts and instances.
CREATE TABLE signing_key (
    key_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    private_key TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    created_at  TIMESTAMP   NOT NULL
);
