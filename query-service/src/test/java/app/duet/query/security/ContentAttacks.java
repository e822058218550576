package app.duet.query.security;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;
import app.duet.testing.TestTokens;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static app.duet.query.security.AttackKit.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attacks on what is private inside a couple: drafts, kept list items, sealed answers, the therapist's frame and what is said to the therapist alone, bad input; and consent withdrawn. */
final class ContentAttacks {

    private ContentAttacks() {
    }

    static void tryAll(AttackKit kit) throws Exception {
        String therapist = kit.therapist;
        String analyst = kit.analyst;
        String admin = kit.admin;
        // A draft is its author's alone until shared; so are kept list items and sealed answers.
        kit.inClass("drafts and private lists");
        kit.attack("the partner or the therapist sees a draft before it is shared", () -> {
            String seenByOthers = queries.getAs(ISSUER.partner(SAM), "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(SAM), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts").body()
                    + queries.getAs(therapist, "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId()).body();
            assertThat(seenByOthers).doesNotContain(DRAFT);
        });
        kit.refusedRead("a therapist asks for a partner's drafts", therapist, "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts", 403);
        kit.refusedCommand("the partner shares someone else's draft", SAM, sessionPath() + "/entries/entry-1/share", null, 409);

        // A private list item, and an answer sealed until both have answered.
        kit.refusedRead("a partner of another couple reads this couple's private lists", ISSUER.partner(ROBIN), couplePath() + "/my-list", 403);
        kit.refusedRead("a therapist reads a partner's private list", therapist, couplePath() + "/my-list", 403);
        kit.refusedRead("an analyst reads a partner's private list", analyst, couplePath() + "/my-list", 403);
        kit.attack("the other partner or the therapist sees a kept list item or a sealed answer", () -> {
            String seenByOthers = queries.getAs(ISSUER.partner(SAM), couplePath()).body()
                    + queries.getAs(ISSUER.partner(SAM), couplePath() + "/my-list").body()
                    + queries.getAs(therapist, couplePath()).body()
                    + queries.getAs(therapist, "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts").body();
            assertThat(seenByOthers).doesNotContain(LIST_ITEM, SEALED_ANSWER);
        });
        kit.refusedCommand("a partner reveals by hand (the countdown does, once both are ready)", SAM, sessionPath() + "/steps/appreciation/reveal", null, 410);
        kit.refusedCommand("a partner shares alone an answer that is revealed together", SAM, sessionPath() + "/entries/appreciation-1/share", null, 409);
        kit.refusedCommand("a partner of another couple marks answers ready in this session", ROBIN, sessionPath() + "/steps/appreciation/ready", null, 403);
        kit.refusedCommand("a partner of another couple takes answers back in this session", ROBIN, sessionPath() + "/steps/appreciation/take-back", null, 403);
        kit.refusedCommand("a partner of another couple voices a softening in this session", ROBIN, sessionPath() + "/softenings", "{\"words\":\"x\"}", 403);
        kit.refusedCommand("a partner of another couple shares this couple's list item", ROBIN, "/api/commands/couples/" + coupleA.coupleId() + "/lists/x/share", null, 403);
        kit.refusedCommand("a partner of another couple bids to this couple", ROBIN, "/api/commands/couples/" + coupleA.coupleId() + "/bids", "{\"words\":\"x\"}", 403);

        // The therapist's frame: only a consented therapist, only as therapist.
        kit.inClass("therapist frame");
        String couple = "/api/commands/couples/" + coupleA.coupleId();
        kit.refusedRoleCommand("a partner sets homework", ISSUER.partner(ALEX), couple + "/homework", "{\"words\":\"x\"}");
        kit.refusedRoleCommand("a partner proposes a commitment", ISSUER.partner(ALEX), couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\",\"improvementBy\":\"2026-02-01\"}");
        kit.refusedRoleCommand("a partner confirms a change event", ISSUER.partner(ALEX), sessionPath() + "/moves/x/confirm", null);
        kit.refusedRoleCommand("a therapist voices a partner's softening", therapist, sessionPath() + "/softenings", "{\"words\":\"x\"}");
        kit.refusedAs("a therapist the couple never consented to observes the session", otherTherapist(), sessionPath() + "/observe", null, 403);
        kit.refusedAs("a therapist the couple never consented to sets homework", otherTherapist(), couple + "/homework", "{\"words\":\"x\"}", 403);
        kit.refusedAs("a therapist the couple never consented to proposes a commitment", otherTherapist(), couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\",\"improvementBy\":\"2026-02-01\"}", 403);
        kit.refusedAs("a commitment that ends before it starts", therapist, couple + "/commitments",
                "{\"startsOn\":\"2026-03-01\",\"endsOn\":\"2026-01-01\",\"improvementBy\":\"2026-02-01\"}", 409);
        kit.refusedAs("a commitment without an improvement date", therapist, couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\"}", 400);
        kit.refusedPut("a cycle link stronger than 10", KAI, sessionPath() + "/cycle-links/link-1",
                "{\"step\":\"lean\",\"link\":\"TRIGGER\",\"intensity\":11,\"words\":\"x\"}", 400);
        kit.refusedPut("an entry id that is no id", SAM, sessionPath() + "/entries/not_an:id",
                "{\"text\":\"x\"}", 400);
        kit.refusedPut("an entry at a step the exercise does not have", SAM, sessionPath() + "/entries/e-2",
                "{\"step\":\"no-such-step\",\"text\":\"x\"}", 409);

        // What is said to the therapist alone.
        kit.inClass("therapist alone");
        String otherTherapist = ISSUER.token(UUID.randomUUID().toString(), Role.THERAPIST, Duration.ofMinutes(5));
        for (String partner : List.of(ALEX, SAM)) {
            kit.refusedRead("a partner reads the therapist's notes", ISSUER.partner(partner), couplePath() + "/notes", 403);
            kit.refusedRead("a partner reads the safety concerns", ISSUER.partner(partner), couplePath() + "/safety-concerns", 403);
            kit.attack("a partner's own views carry the therapist's note or a safety concern", () -> {
                String views = queries.getAs(ISSUER.partner(partner), couplePath()).body()
                        + queries.getAs(ISSUER.partner(partner), "/api/queries/sessions/" + coupleA.sessionId()).body()
                        + queries.getAs(ISSUER.partner(partner), couplePath() + "/reads").body();
                assertThat(views).doesNotContain(NOTE, CONCERN);
            });
        }
        kit.refusedRead("a therapist the couple never consented to reads the notes", otherTherapist, couplePath() + "/notes", 403);
        kit.refusedRead("a therapist the couple never consented to reads the session", otherTherapist, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        kit.refusedRead("a therapist the couple never consented to reads a page of the session's bids", otherTherapist,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        kit.refusedRead("a therapist the couple never consented to reads a page of the couple's appreciations", otherTherapist,
                couplePath() + "/lists/appreciations?page=0", 403);
        kit.attack("a partner's unshared answer reaches the other partner or the therapist through a page of entries", () -> {
            String pages = queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0").body()
                    + queries.getWithToken(therapist, "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0").body();
            assertThat(pages).doesNotContain(SEALED_ANSWER);
        });
        kit.refusedRoleCommand("a partner writes a therapist note", ISSUER.partner(ALEX), couplePath().replace("queries", "commands") + "/notes", "{\"text\":\"x\"}");
        kit.refusedRead("a therapist reads who read the couple's content", therapist, couplePath() + "/reads", 403);
        kit.refusedRead("a partner of another couple reads who read this couple's content", ISSUER.partner(ROBIN), couplePath() + "/reads", 403);
        kit.attack("a therapist's reads are missing from the couple's audit log", () ->
                assertThat(queries.getAs(ISSUER.partner(ALEX), couplePath() + "/reads").body())
                        .contains(THERAPIST, "THERAPIST", "REST", "session " + coupleA.sessionId()));

        // Codes and input.
        kit.inClass("input");
        kit.refusedCommand("someone joins with a spent invitation code", UUID.randomUUID().toString(), "/api/commands/couples/join",
                "{\"invitationCode\":\"" + coupleAInvitationCode + "\",\"displayName\":\"Eve\"}", 409);
        kit.refusedCommand("an oversize JSON body", SAM, sessionPath() + "/bids", "{\"words\":\"" + "x".repeat(100_000) + "\"}", 413);
        kit.refusedCommand("malformed JSON", SAM, sessionPath() + "/bids", "{\"words\": ", 400);
        kit.refusedCommand("bid words over the limit", SAM, sessionPath() + "/bids", "{\"words\":\"" + "x".repeat(281) + "\"}", 400);
        kit.refusedCommand("an answer that is no answer", SAM, sessionPath() + "/bids/x/answer", "{\"response\":\"MAYBE\"}", 400);
        kit.refusedFrame("a STOMP SEND (changes go in as commands)", "/app/sessions", "{\"words\":\"sneaky\"}");
        kit.refusedFrame("an oversize STOMP frame", "/app/sessions", "x".repeat(100_000));
        kit.refusedFrame("a presence SEND that carries words", "/app/presence.away", "{\"words\":\"sneaky\"}");
        kit.refusedRead("a partner of another couple reads who is connected to the session", ISSUER.partner(ROBIN),
                "/api/queries/sessions/" + coupleA.sessionId() + "/presence", 403);
        kit.refusedFlood("a flood of commands beyond the rate limit");
        kit.refusedPasswordGuessing("repeated wrong passwords");
    }
}
