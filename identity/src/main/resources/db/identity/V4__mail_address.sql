-- What other services may read of the accounts: a person's id and mail address, nothing else (no name,
-- no password hash). command-service reads it when a reminder mail goes out.
CREATE VIEW mail_address AS SELECT account_id AS person_id, email FROM account;
