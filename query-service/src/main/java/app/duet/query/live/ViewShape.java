package app.duet.query.live;

import java.util.List;
import java.util.Map;

/**
 * Which lists of a view grow with the couple's history, and how each item is known. Such a list is
 * never pushed whole: a push carries the items that changed; over REST the view holds only its newest
 * items ({@link ViewPages}) and the older ones come a page at a time.
 */
public record ViewShape(Map<String, GrowingList> lists) {

    /** keyFields name the item (none: the item is itself its key); newestFirst lists keep the newest item at the start. */
    public record GrowingList(List<String> keyFields, boolean newestFirst) {

        static GrowingList by(String... keyFields) {
            return new GrowingList(List.of(keyFields), false);
        }
    }

    public static final ViewShape SESSION = new ViewShape(Map.of(
            "entries", GrowingList.by("entryId"),
            "bids", GrowingList.by("bidId"),
            "moves", GrowingList.by("moveId"),
            "babySteps", GrowingList.by("behaviourEntryId", "listedBy"),
            "pacts", GrowingList.by("pactId")));

    public static final ViewShape COUPLE = new ViewShape(Map.of(
            "sessions", new GrowingList(List.of("sessionId"), true),
            "everydayBids", GrowingList.by("bidId"),
            "checkIns", GrowingList.by("checkInId"),
            "appreciations", GrowingList.by("appreciationId"),
            "sharedLists", GrowingList.by("itemId", "authorId"),
            "homework", GrowingList.by("homeworkId"),
            "commitments", GrowingList.by("commitmentId"),
            "attendance", GrowingList.by("meetingId"),
            "babySteps", GrowingList.by("sessionId", "behaviourEntryId", "committedBy"),
            "babyStepFollowUps", GrowingList.by("followUpId")));

    public static final ViewShape CYCLE_STATE = new ViewShape(Map.of(
            "sessions", GrowingList.by("sessionId"),
            "leanGap", GrowingList.by("at", "gap"),
            "timeline", GrowingList.by("eventId", "kind", "partnerId"),
            "figures", GrowingList.by()));

    public boolean grows(String list) {
        return lists.containsKey(list);
    }
}
