-- Live state: the issuer's rate-limit buckets (sign-ups and token requests per source), shared by
-- every identity instance where it runs on PostgreSQL (Bucket4j's layout; expires_at in epoch ms,
-- when the bucket would be full again; expired rows are swept). Unused where limits are in memory.
CREATE TABLE identity_rate_limit_bucket (
    id         VARCHAR(300) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX identity_rate_limit_bucket_expires ON identity_rate_limit_bucket (expires_at);
