-- The sent-log of reminder mails: one row per reminder and person, inserted (claimed) before the mail
-- goes out, so a scheduler's retry, a restart or another instance never sends it twice.
CREATE TABLE reminder_sent (
    reminder_key VARCHAR(200) NOT NULL,
    person_id    VARCHAR(64)  NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reminder_key, person_id)
);
