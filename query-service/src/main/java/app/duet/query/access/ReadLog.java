package app.duet.query.access;

import app.duet.access.Actor;

/**
 * Where reads of a couple's content by anyone but its partners are written down, for the couple to
 * see. {@link ViewAccess} writes every read it lets through; the audit log keeps them.
 */
public interface ReadLog {

    /** A read of the couple's content: who, what (as the couple will read it) and how (REST or LIVE). */
    void record(Actor reader, String coupleId, String what, String via);
}
