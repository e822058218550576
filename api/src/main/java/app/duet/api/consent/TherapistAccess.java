package app.duet.api.consent;

/** Where a therapist stands with a couple. */
public enum TherapistAccess {
    /** One partner invited them; the other has not consented yet: they see nothing. */
    INVITED,
    /** Both partners consented: they may observe the couple and its sessions. */
    ACTIVE
}
