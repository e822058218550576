package app.duet.query.pairing;

import app.duet.query.live.ViewShape;

import java.util.List;

/** The names of a couple overview's growing lists, as its view and its stored items ({@link CoupleItem}) call them. */
final class CoupleLists {

    static final String SESSIONS = "sessions";
    static final String EVERYDAY_BIDS = "everydayBids";
    static final String CHECK_INS = "checkIns";
    static final String APPRECIATIONS = "appreciations";
    static final String SHARED = "sharedLists";
    static final String HOMEWORK = "homework";
    static final String COMMITMENTS = "commitments";
    static final String ATTENDANCE = "attendance";
    static final String BABY_STEPS = "babySteps";
    static final String FOLLOW_UPS = "babyStepFollowUps";
    /** Kept list items, each its author's alone: never one of the view's lists. */
    static final String PRIVATE = "privateListItems";

    /** The lists the view shows; {@link #PRIVATE} is not one of them. */
    static final List<String> SHOWN = ViewShape.COUPLE.lists().keySet().stream().sorted().toList();

    private CoupleLists() {
    }
}
