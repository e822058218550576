-- Crypto-shredding: every couple's personal text in the events is encrypted with the couple's own
-- key. Erasing a couple blanks its key (the row stays, so no new key is ever made for it again):
-- the events stay in the store, unreadable.
CREATE TABLE couple_key (
    couple_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    key_material VARCHAR(64),
    created_at   TIMESTAMP   NOT NULL,
    erased_at    TIMESTAMP
);

-- Which couple's key encrypts an owner's data: a couple owns itself, a session belongs to its couple.
CREATE TABLE key_owner (
    owner_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    couple_id VARCHAR(64) NOT NULL
);
