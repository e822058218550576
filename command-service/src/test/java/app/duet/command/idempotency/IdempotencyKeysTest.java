package app.duet.command.idempotency;

import app.duet.api.everyday.ExpressAppreciation;
import app.duet.command.CommandServiceApplication;
import app.duet.testing.TestTokens;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command sent again with the same Idempotency-Key is done once and answered alike, over real
 * HTTP on the embedded H2 event store; the key is marked used in the transaction of the events.
 */
@AutoConfigureTestRestTemplate
@Import(IdempotencyKeysTest.Gate.class)
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:idempotency-keys;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password="
        })
class IdempotencyKeysTest {

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    private final String alex = UUID.randomUUID().toString();
    private final String sam = UUID.randomUUID().toString();
    private String appreciations;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private ExpiredKeys expiredKeys;

    @BeforeEach
    void pairAlexAndSam() throws Exception {
        JsonNode couple = body(send(alex, null, "/api/commands/couples", "{\"displayName\":\"Alex\"}"));
        send(sam, null, "/api/commands/couples/join", "{\"invitationCode\":\"" + couple.get("invitationCode").asString()
                + "\",\"displayName\":\"Sam\"}");
        appreciations = "/api/commands/couples/" + couple.get("coupleId").asString() + "/appreciations";
    }

    @Test
    void aRetriedAppreciationIsStoredOnceAndAnsweredAsTheFirstTime() throws Exception {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = send(alex, key, appreciations, "{\"words\":\"You made tea\"}");
        ResponseEntity<String> retried = send(alex, key, appreciations, "{\"words\":\"You made tea\"}");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getBody()).isEqualTo(first.getBody());
        assertThat(retried.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
        assertThat(retried.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(appreciationsStored()).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndStoresNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        send(alex, key, appreciations, "{\"words\":\"You made tea\"}");

        ResponseEntity<String> otherWords = send(alex, key, appreciations, "{\"words\":\"You made coffee\"}");
        ResponseEntity<String> otherPath = send(alex, key, appreciations.replace("appreciations", "bids"),
                "{\"words\":\"You made tea\"}");

        for (ResponseEntity<String> refused : List.of(otherWords, otherPath)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(body(refused).get("rule").asString()).isEqualTo("idempotency-key-reused");
        }
        assertThat(appreciationsStored()).isEqualTo(1);
        assertThat(eventsOf("EverydayBidMade")).isZero();
    }

    @Test
    void aSecondRequestWhileTheFirstStillRunsIsToldSo() throws Exception {
        String key = UUID.randomUUID().toString();
        Gate.close();
        CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(
                () -> send(alex, key, appreciations, "{\"words\":\"" + Gate.SLOW + "\"}"));
        assertThat(Gate.entered.await(10, TimeUnit.SECONDS)).as("the first request reached its command").isTrue();

        ResponseEntity<String> second = send(alex, key, appreciations, "{\"words\":\"" + Gate.SLOW + "\"}");
        Gate.open();

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(second).get("rule").asString()).isEqualTo("idempotency-key-in-flight");
        assertThat(second.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        ResponseEntity<String> answered = first.get(10, TimeUnit.SECONDS);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(alex, key, appreciations, "{\"words\":\"" + Gate.SLOW + "\"}").getBody()).isEqualTo(answered.getBody());
        assertThat(appreciationsStored()).isEqualTo(1);
    }

    @Test
    void eachAccountHasKeysOfItsOwn() throws Exception {
        String key = "save-" + UUID.randomUUID();
        ResponseEntity<String> fromAlex = send(alex, key, appreciations, "{\"words\":\"You listened\"}");
        ResponseEntity<String> fromSam = send(sam, key, appreciations, "{\"words\":\"You listened\"}");

        assertThat(fromAlex.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fromSam.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fromSam.getBody()).isNotEqualTo(fromAlex.getBody());
        assertThat(appreciationsStored()).isEqualTo(2);
    }

    @Test
    void aRefusedCommandDoesNotHoldItsKey() throws Exception {
        JsonNode couple = body(send(UUID.randomUUID().toString(), null, "/api/commands/couples", "{\"displayName\":\"Robin\"}"));
        String robin = jdbc.sql("SELECT partner_id FROM partner_couple WHERE couple_id = :couple")
                .param("couple", couple.get("coupleId").asString()).query(String.class).single();
        String alone = "/api/commands/couples/" + couple.get("coupleId").asString() + "/appreciations";
        String key = UUID.randomUUID().toString();

        ResponseEntity<String> refused = send(robin, key, alone, "{\"words\":\"You came\"}");
        assertThat(body(refused).get("rule").asString()).isEqualTo("couple-incomplete");
        send(UUID.randomUUID().toString(), null, "/api/commands/couples/join", "{\"invitationCode\":\""
                + couple.get("invitationCode").asString() + "\",\"displayName\":\"Kim\"}");
        ResponseEntity<String> retried = send(robin, key, alone, "{\"words\":\"You came\"}");

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getFirst("Idempotency-Replayed")).isNull();
        String invalidFirst = UUID.randomUUID().toString();
        assertThat(send(alex, invalidFirst, appreciations, "{\"words\":\"  \"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(alex, invalidFirst, appreciations, "{\"words\":\"You stayed\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aKeyHeldByARequestThatDiedIsTakenOverOnceItsClaimExpires() throws Exception {
        String key = UUID.randomUUID().toString();
        insertKey(alex, key, "claimed", Instant.now().minusSeconds(1), Instant.now().minusSeconds(40));

        ResponseEntity<String> retried = send(alex, key, appreciations, "{\"words\":\"You waited\"}");

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(appreciationsStored()).isEqualTo(1);
    }

    @Test
    void aCommandStoredWhoseAnswerWasLostInACrashIsNotDoneAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        send(alex, key, appreciations, "{\"words\":\"You stayed up\"}");
        // As a crash right after the events' commit leaves it: used, without an answer, its claim expired.
        jdbc.sql("UPDATE idempotency_key SET state = 'committed', status = NULL, body = NULL, claimed_until = :past "
                        + "WHERE idempotency_key = :key")
                .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)).param("key", key).update();

        ResponseEntity<String> retried = send(alex, key, appreciations, "{\"words\":\"You stayed up\"}");

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(retried).get("rule").asString()).isEqualTo("idempotency-key-answer-lost");
        assertThat(appreciationsStored()).isEqualTo(1);
    }

    @Test
    void theKeyIsMarkedUsedInTheTransactionOfTheEvents() {
        String coupleId = appreciations.split("/")[4];
        String kept = UUID.randomUUID().toString();
        String claimId = insertKey(alex, "kept", "claimed", Instant.now().plusSeconds(30), Instant.now());
        commands.sendAndWait(withClaim(new ExpressAppreciation(coupleId, alex, kept, "You called"), alex, "kept", claimId));
        assertThat(appreciationsStored()).isEqualTo(1);
        assertThat(stateOf(alex, "kept")).isEqualTo("committed");

        // The key's write fails after the events were appended: the events go with it.
        String lost = UUID.randomUUID().toString();
        assertThatThrownBy(() -> commands.sendAndWait(withClaim(new ExpressAppreciation(coupleId, alex, lost, "You wrote"),
                alex, "nobody-holds-this", UUID.randomUUID().toString()))).isInstanceOf(ClaimLost.class);
        assertThat(appreciationsStored()).isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsRefusedNamingTheHeader() throws Exception {
        for (String invalid : new String[] {"k".repeat(201), "tab\tinside"}) {
            ResponseEntity<String> refused = send(alex, invalid, appreciations, "{\"words\":\"You cooked\"}");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(appreciationsStored()).isZero();
    }

    @Test
    void keysPastTheirRetentionArePurged() {
        insertKey(alex, "old", "answered", Instant.now(), Instant.now().minus(Duration.ofHours(25)));
        insertKey(alex, "recent", "answered", Instant.now(), Instant.now().minus(Duration.ofHours(23)));

        expiredKeys.purge();

        assertThat(stateOf(alex, "old")).isNull();
        assertThat(stateOf(alex, "recent")).isEqualTo("answered");
    }

    private static CommandMessage<?> withClaim(ExpressAppreciation command, String account, String key,
                                                                 String claimId) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(new Claim(account, key, claimId).asMetaData());
    }

    /** A key as another request left it; returns its claim's id. */
    private String insertKey(String account, String key, String state, Instant claimedUntil, Instant createdAt) {
        String claimId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO idempotency_key (account_id, idempotency_key, request_hash, claim_id, state, claimed_until, created_at) "
                        + "VALUES (:account, :key, 'not-this-request', :claim, :state, :until, :created)")
                .param("account", account).param("key", key).param("claim", claimId).param("state", state)
                .param("until", claimedUntil.atOffset(ZoneOffset.UTC)).param("created", createdAt.atOffset(ZoneOffset.UTC))
                .update();
        return claimId;
    }

    private String stateOf(String account, String key) {
        return jdbc.sql("SELECT state FROM idempotency_key WHERE account_id = :account AND idempotency_key = :key")
                .param("account", account).param("key", key).query(String.class).optional().orElse(null);
    }

    private long appreciationsStored() {
        return eventsOf("AppreciationExpressed");
    }

    private long eventsOf(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :couple AND payload_type LIKE :type")
                .param("couple", appreciations.split("/")[4]).param("type", "%." + type)
                .query(Long.class).single();
    }

    private ResponseEntity<String> send(String account, String key, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.trusted().partner(account));
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    /** Holds an appreciation of {@link #SLOW} words inside its unit of work until the test opens the gate. */
    @TestConfiguration
    static class Gate {

        static final String SLOW = "You waited for me";
        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch opened = new CountDownLatch(0);

        static void close() {
            entered = new CountDownLatch(1);
            opened = new CountDownLatch(1);
        }

        static void open() {
            opened.countDown();
        }

        @Bean
        MessageHandlerInterceptor<CommandMessage<?>> gate() {
            return (unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof ExpressAppreciation appreciation
                        && SLOW.equals(appreciation.words())) {
                    entered.countDown();
                    opened.await(10, TimeUnit.SECONDS);
                }
                return chain.proceed();
            };
        }
    }
}
