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

/** Attacks across the couple's boundary: acting in or listening to another couple, tokens that lie, roles that may not. */
final class BoundaryAttacks {

    private BoundaryAttacks() {
    }

    static void tryAll(AttackKit kit) throws Exception {
        String therapist = kit.therapist;
        String analyst = kit.analyst;
        String admin = kit.admin;
        // Acting in another couple.
        kit.inClass("another couple");
        kit.refusedCommand("a partner of another couple joins this couple's session", ROBIN, sessionPath() + "/join", null, 403);
        kit.refusedCommand("a partner of another couple bids in this couple's session", ROBIN, sessionPath() + "/bids", "{\"words\":\"hi\"}", 403);
        kit.refusedCommand("a partner of another couple starts a session for this couple", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/sessions", "{\"exercise\":\"CHECK_IN\"}", 403);
        kit.refusedCommand("a partner of another couple invites a therapist to this couple", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/therapists", "{\"therapistCode\":\"" + UUID.randomUUID() + "\",\"therapistName\":\"X\"}", 403);
        kit.refusedCommand("a partner of another couple withdraws this couple's therapist", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/therapists/" + THERAPIST + "/withdraw", null, 403);
        kit.refusedRead("a partner of another couple reads a partner's drafts", ISSUER.partner(ROBIN), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts", 403);
        kit.refusedRead("a partner of another couple reads this couple", ISSUER.partner(ROBIN), "/api/queries/couples/" + coupleA.coupleId(), 403);
        kit.refusedRead("a partner of another couple reads this couple's session", ISSUER.partner(ROBIN), "/api/queries/sessions/" + coupleA.sessionId(), 403);
        kit.refusedRead("a partner of another couple reads a page of this couple's session bids", ISSUER.partner(ROBIN),
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        kit.refusedRead("a partner of another couple reads a page of this couple's sessions", ISSUER.partner(ROBIN),
                couplePath() + "/lists/sessions?page=0", 403);
        kit.refusedRead("a partner of another couple reads a page of this couple's cycle timeline", ISSUER.partner(ROBIN),
                couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        kit.attack("a page asked for out of bounds is not a problem naming the field", () -> {
            for (String[] bad : new String[][]{{"size=1000", "size"}, {"page=-1", "page"}, {"size=x", "size"}}) {
                HttpResponse<String> answer = queries.getWithToken(ISSUER.partner(ALEX),
                        "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?" + bad[0]);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("\"field\":\"" + bad[1] + "\"");
            }
            HttpResponse<String> noList = queries.getWithToken(ISSUER.partner(ALEX),
                    "/api/queries/sessions/" + coupleA.sessionId() + "/lists/partners");
            assertThat(noList.statusCode()).isEqualTo(400);
            assertThat(noList.body()).contains("\"field\":\"list\"");
        });
        kit.refusedSubscription("a partner of another couple subscribes to this couple's session", ISSUER.partner(ROBIN), sessionTopic());
        kit.refusedSubscription("a partner of another couple subscribes to this couple", ISSUER.partner(ROBIN), ViewPublisher.COUPLE_TOPIC + coupleA.coupleId());
        kit.refusedSubscription("anyone subscribes to a topic that is no view", ISSUER.partner(ALEX), "/topic/sessions.*");
        kit.refusedSubscription("a partner subscribes to the therapist's own destination", ISSUER.partner(SAM),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST);
        kit.refusedSubscription("another couple's therapist subscribes to this therapist's destination", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST);
        kit.refusedSubscription("a therapist subscribes to every therapist's destination at once", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + "*");
        kit.refusedSubscription("a therapist subscribes below their own destination", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST + ".x");

        // Tokens that are not what they claim to be.
        kit.inClass("tokens");
        for (String[] bad : new String[][]{{"a forged token", TestTokens.untrusted().partner(ALEX)},
                {"an expired token", ISSUER.expired(ALEX)}, {"a tampered token", ISSUER.tampered(ALEX)},
                {"no token at all", null}, {"a token that is no JWT", "not-a-token"},
                {"an ID token used as an access token", ISSUER.idToken(ALEX)}}) {
            kit.refusedTokenCommand(bad[0] + " on a command", bad[1]);
            kit.refusedRead(bad[0] + " on a query", bad[1], "/api/queries/sessions/" + coupleA.sessionId(), 401);
            kit.refusedConnect(bad[0] + " on STOMP CONNECT", bad[1]);
        }

        // Roles that may not act or see.
        kit.inClass("roles");
        kit.refusedRoleCommand("a therapist sends a partner command", therapist, sessionPath() + "/bids", "{\"words\":\"hello\"}");
        kit.refusedRoleCommand("an analyst sends a partner command", analyst, sessionPath() + "/join", null);
        kit.refusedRead("an analyst reads a couple", analyst, "/api/queries/couples/" + coupleA.coupleId(), 403);
        kit.refusedRead("an analyst reads a session", analyst, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        kit.refusedRead("an analyst reads a page of a session's entries", analyst,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0", 403);
        kit.refusedRead("an analyst reads a page of a couple's cycle timeline", analyst, couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        kit.refusedSubscription("an analyst subscribes to a session", analyst, sessionTopic());
        kit.refusedRead("an admin reads a session", admin, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        kit.refusedRead("a partner asks for a therapist's caseload", ISSUER.partner(ALEX), "/api/queries/my/caseload", 403);
    }
}
