-- Ids an aggregate has used once (bids, check-ins, appreciations) and, for a bid, whom it was made
-- to and whether it was answered. The rules ask here rather than each aggregate holding every id of
-- its history, which made every load and snapshot grow with that history. Written in the transaction
-- of the events (see ItemLedger), like the other command-side lookups.
CREATE TABLE item_ledger (
    owner_id     VARCHAR(64)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    couple_id    VARCHAR(64)  NOT NULL,
    addressed_to VARCHAR(64),
    closed       BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (owner_id, kind, item_id)
);
CREATE INDEX item_ledger_couple ON item_ledger (couple_id);

-- The one-off fillings of a command-side lookup from the events already stored that have run.
CREATE TABLE lookup_backfill (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
