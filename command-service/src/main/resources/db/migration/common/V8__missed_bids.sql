-- A missed bid is closed like an answered one, but answering it is refused with a rule of its own.
ALTER TABLE item_ledger ADD COLUMN missed BOOLEAN NOT NULL DEFAULT FALSE;
