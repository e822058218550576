package app.duet.query.security;

import app.duet.query.support.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static app.duet.query.security.AttackKit.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tries, one by one, what someone who should not see or change a couple's content would try, over
 * real HTTP and real STOMP against the issuer, command-service and query-service, and checks that
 * each attempt is refused, that nothing was stored, and that no refusal carries the couple's words.
 * Prints a line per class of attack (how many tried, how many refused) and one for them all.
 */
class SecuritySuiteTest {

    @BeforeAll
    static void startTheProduct() {
        AttackKit.start();
    }

    @AfterAll
    static void stopTheProduct() {
        AttackKit.stop();
    }

    @Test
    void everyAttackIsRefusedAndNothingIsStoredOrLeaked() throws Exception {
        AttackKit kit = new AttackKit();
        long storedBefore = product.storedEvents();
        BoundaryAttacks.tryAll(kit);
        ContentAttacks.tryAll(kit);
        assertThat(product.storedEvents()).as("nothing was stored by any attack").isEqualTo(storedBefore);
        ProductionAttacks.tryAll(kit);

        // Consent withdrawn: the therapist's live view closes and every way back is refused.
        kit.inClass("consent withdrawn");
        String therapist = kit.therapist;
        StompTestClient therapistScreen = StompTestClient.connect(ws, therapist);
        therapistScreen.subscribe(sessionTopic());
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.getWithToken(therapist,
                "/api/queries/sessions/" + coupleA.sessionId()).statusCode() == 200);
        commands.post(SAM, "/api/commands/couples/" + coupleA.coupleId() + "/therapists/" + THERAPIST + "/withdraw", null);
        kit.attack("a therapist's live view stays open after consent is withdrawn",
                () -> await().atMost(Duration.ofSeconds(10)).until(therapistScreen::isShut));
        kit.refusedRead("a therapist reads the session after consent is withdrawn", therapist, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        kit.refusedRead("a therapist reads a page of the session's bids after consent is withdrawn", therapist,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        kit.refusedRead("a therapist reads a page of the cycle timeline after consent is withdrawn", therapist,
                couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        kit.refusedSubscription("a therapist subscribes again after consent is withdrawn", therapist, sessionTopic());
        therapistScreen.close();

        kit.attacks.lines().forEach(System.out::println);
        System.out.println(kit.attacks.summary());
        assertThat(kit.attacks.notRefused()).as("attacks that were not refused").isEmpty();
        assertThat(kit.attacks.tried()).isGreaterThanOrEqualTo(120);
    }
}
