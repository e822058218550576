-- Live state, not history: the rate-limit buckets every instance shares (Bucket4j's layout; commands
-- per account). One row per bucket in use; expires_at (epoch ms) is when it would be full again, and
-- expired rows are swept. Only where the services run on PostgreSQL: standalone keeps them in memory.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(300) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
