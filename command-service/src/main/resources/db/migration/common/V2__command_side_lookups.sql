-- The command side's own lookups, written with the events in the same transaction (see
-- InvitationRegistry and PartnerRegistry). Not projections: commands depend on them.

-- From invitation code to couple.
CREATE TABLE invitation_code (
    code      VARCHAR(20)  NOT NULL PRIMARY KEY,
    couple_id VARCHAR(64)  NOT NULL UNIQUE,
    used      BOOLEAN      NOT NULL DEFAULT FALSE
);

-- Which couple each partner belongs to: a person is a partner in one couple at a time; the primary
-- key stops two couples racing for one person.
CREATE TABLE partner_couple (
    partner_id VARCHAR(64) NOT NULL PRIMARY KEY,
    couple_id  VARCHAR(64) NOT NULL
);
