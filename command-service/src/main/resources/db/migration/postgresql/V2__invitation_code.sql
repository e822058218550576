-- The command side's own lookup from invitation code to couple (written with the events, in the
-- same transaction; see InvitationRegistry). Not a projection: commands depend on it.
CREATE TABLE invitation_code (
    code      VARCHAR(20)  NOT NULL PRIMARY KEY,
    couple_id VARCHAR(64)  NOT NULL UNIQUE,
    used      BOOLEAN      NOT NULL DEFAULT FALSE
);
