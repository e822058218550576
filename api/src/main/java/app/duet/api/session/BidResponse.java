package app.duet.api.session;

/** How a partner answered a bid for connection. */
public enum BidResponse {
    /** Engaged with the bid: attention, warmth, interest. */
    TOWARD,
    /** Missed or ignored it. */
    AWAY,
    /** Rebuffed it with irritation or hostility. */
    AGAINST
}
