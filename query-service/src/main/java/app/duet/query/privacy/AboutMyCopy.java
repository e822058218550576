package app.duet.query.privacy;

import java.time.Instant;
import java.util.List;

/**
 * The first part of a partner's copy of their data: what the file is, for whom and when it was made,
 * what each part holds, what is left out and why, and how to erase the couple. In words for the
 * person who opens the file.
 */
record AboutMyCopy(String what, Instant madeAt, String madeFor, List<String> whatIsInIt, List<String> whatIsNotInIt,
                   String erasing) {

    static AboutMyCopy madeFor(String name, Instant now) {
        return new AboutMyCopy(
                "Your own copy of what Duet holds about you and your couple that you may see, as it stood when you asked "
                        + "for it. It holds words only you have seen, so keep it somewhere safe.",
                now, name,
                List.of("couple: your couple as both of you see it: the two of you, your sessions, your therapists, bids, "
                                + "check-ins, appreciations, the list items either of you shared, homework, commitments, "
                                + "appointments and baby steps, all of them, however long ago.",
                        "cycleState: the picture of your cycle Duet draws from what both of you could see happen.",
                        "sessions: every session of your couple as both of you see it (what was shared or revealed, bids, "
                                + "moves and how it ended), each with myDrafts: what you wrote there and have not shared.",
                        "myListItems: the needs, boundaries and deal-breakers you keep to yourself.",
                        "reads: each time a therapist or an analyst read your couple's words: who, what, how and when.",
                        "myNotifications: your latest notifications about your couple."),
                List.of("What your partner wrote and has not shared, their drafts and the list items they keep to "
                                + "themselves: it is theirs alone until they share it, as yours is left out of their copy.",
                        "Your therapist's own notes: they are the therapist's working notes, which no partner sees.",
                        "Anything either of you told a therapist privately about not feeling safe: it stays with the "
                                + "therapist alone, so it can never turn up in a file on a shared device.",
                        "Your email address and password: they belong to your sign-in, not to your couple."),
                "Either of you can erase your couple in Duet, on the page where you downloaded this copy: every word both "
                        + "of you wrote becomes unreadable for good, for both of you and for any therapist. A copy you "
                        + "saved before stays where you saved it; Duet cannot reach it.");
    }
}
