package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceRefView;

/**
 * What the phase is judged on, with the event it came from: a warm (+1) or hard (-1) moment, a joint
 * session, a lean both could see, or a bid settled (answered or missed). Only the latest few are kept,
 * as the events a change of phase names; the window's counts are kept by day ({@link WindowDay}).
 */
record Judged(String what, int sign, EvidenceRefView ref) {

    static final String MOMENT = "moment";
    static final String SESSION = "session";
    static final String CHECK_IN = "check-in";
    static final String SETTLED_BID = "settled-bid";

    /** A warm or hard moment (a state stored by the rules before kept only moments, without saying so). */
    boolean isMoment() {
        return what == null || MOMENT.equals(what);
    }
}
