package app.duet.query.cycle;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one day (UTC) gave the phase's window: however busy a couple is, the window holds one of these a day. */
class WindowDay {
    int sessions;
    /** Leans each partner let the other see, by partner. */
    Map<String, Integer> checkInsBy = new LinkedHashMap<>();
    int settledBids;
    int warm;
    int hard;
}
