-- A therapist's code, short and easy to read aloud (like a couple's invitation code), that couples
-- enter to invite them. One per therapist, kept for good; the name is the one their account gives,
-- offered to couples who invite them without naming them. Codes of earlier builds (the therapist's
-- account id) keep working without a row here.
CREATE TABLE therapist_code (
    code         VARCHAR(20) NOT NULL PRIMARY KEY,
    therapist_id VARCHAR(64) NOT NULL UNIQUE,
    display_name VARCHAR(60),
    issued_at    TIMESTAMP   NOT NULL
);
