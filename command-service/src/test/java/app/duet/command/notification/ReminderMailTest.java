package app.duet.command.notification;

import app.duet.api.privacy.PersonalData;
import app.duet.command.CommandServiceApplication;
import app.duet.testing.TestTokens;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import app.duet.api.access.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The homework reminder reaches each partner who has not done their part through a real SMTP server
 * (GreenMail, in this JVM), saying only that something is waiting, with the configured address of Duet;
 * and once sent, it is not sent again when Duet restarts on the same database and its scheduler runs the
 * same reminder again (as after an instance died before marking its run done).
 */
class ReminderMailTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String DATABASE = "jdbc:h2:mem:reminder-mail;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final String HOMEWORK_WORDS = "Notice one bid of Sam's each evening and write it in your notebook";
    private static final String THERAPIST_NAME = "Dr. Imogen Thistlewood";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String alex = UUID.randomUUID().toString();
    private final String sam = UUID.randomUUID().toString();
    private final String therapist = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SMTP.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    private static ConfigurableApplicationContext duet() {
        List<String> properties = new ArrayList<>(List.of(
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "server.port=0",
                "spring.datasource.url=" + DATABASE, "spring.datasource.username=sa", "spring.datasource.password=",
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                // Every homework's reminder is due at once.
                "duet.reminders.ahead=36500d",
                "duet.reminders.mail.links-to=https://duet.example/"));
        properties.addAll(TestTokens.trusted().springProperties());
        // As arguments: they outrank the service's own file, as a test's properties do.
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void theHomeworkReminderSaysOnlyThatSomethingIsWaitingAndIsNotSentTwiceAfterARestart() throws Exception {
        String coupleId;
        String homeworkId;
        try (ConfigurableApplicationContext first = duet()) {
            JdbcClient db = first.getBean(JdbcClient.class);
            // identity publishes this view in the database both share; here, where identity is absent, a table stands in for it.
            db.sql("CREATE TABLE IF NOT EXISTS mail_address (person_id VARCHAR(64) PRIMARY KEY, email VARCHAR(254))").update();
            db.sql("INSERT INTO mail_address VALUES (?, 'alex@duet.test'), (?, 'sam@duet.test'), (?, 'lee@duet.test')")
                    .params(alex, sam, therapist).update();
            String base = "http://127.0.0.1:" + first.getEnvironment().getProperty("local.server.port");

            JsonNode couple = post(base, alex, Role.PARTNER, "/api/commands/couples", "{\"displayName\":\"Alexandra Quill\"}");
            coupleId = couple.get("coupleId").asString();
            post(base, sam, Role.PARTNER, "/api/commands/couples/join", "{\"invitationCode\":\""
                    + couple.get("invitationCode").asString() + "\",\"displayName\":\"Samwise Orchard\"}");
            post(base, alex, Role.PARTNER, "/api/commands/couples/" + coupleId + "/therapists",
                    "{\"therapistCode\":\"" + therapist + "\",\"therapistName\":\"" + THERAPIST_NAME + "\"}");
            post(base, sam, Role.PARTNER, "/api/commands/couples/" + coupleId + "/therapists/" + therapist + "/consent", "");
            post(base, alex, Role.PARTNER, "/api/commands/couples/" + coupleId + "/bids", "{\"words\":\"Tea on the balcony tonight?\"}");
            homeworkId = post(base, therapist, Role.THERAPIST, "/api/commands/couples/" + coupleId + "/homework",
                    "{\"words\":\"" + HOMEWORK_WORDS + "\",\"dueOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(3) + "\"}")
                    .get("homeworkId").asString();

            await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length >= 2);
            List<String> privateWords = personalData(first.getBean(EventStore.class), coupleId);
            assertThat(privateWords).contains("Alexandra Quill", "Samwise Orchard", THERAPIST_NAME, HOMEWORK_WORDS);
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                String whole = mail.getSubject() + "\n" + GreenMailUtil.getBody(mail);
                assertThat(whole).contains("https://duet.example/#/notifications").contains("Homework");
                privateWords.forEach(words -> assertThat(whole).doesNotContain(words));
                assertThat(whole).doesNotContain("Alexandra", "Samwise", "Thistlewood", "notebook", coupleId);
            }
            assertThat(recipients()).containsExactlyInAnyOrder("alex@duet.test", "sam@duet.test");
        }

        try (ConfigurableApplicationContext second = duet()) {
            JdbcClient db = second.getBean(JdbcClient.class);
            // The scheduler runs both partners' reminders again, as it does a run whose instance died before marking it done.
            Scheduler scheduler = second.getBean(Scheduler.class);
            ReminderMail mails = second.getBean(ReminderMail.class);
            for (String partner : List.of(alex, sam)) {
                ReminderMailDue due = new ReminderMailDue("homework/" + coupleId + "/" + homeworkId, partner,
                        app.duet.api.notification.NotificationKind.HOMEWORK_DUE);
                scheduler.schedule(mails.reminderMailTask().instance(due.instanceId(), due), java.time.Instant.now());
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    db.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?").param(ReminderMail.TASK).query(Long.class).single() == 0);
            assertThat(recipients()).as("every mail ever received").containsExactlyInAnyOrder("alex@duet.test", "sam@duet.test");
            assertThat(db.sql("SELECT COUNT(*) FROM reminder_sent").query(Long.class).single()).isEqualTo(2);
        }
    }

    private static List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            Stream.of(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(to::add);
        }
        return to;
    }

    /** Every value of a {@code @PersonalData} field in the couple's events, as the event store gives them back. */
    private static List<String> personalData(EventStore events, String coupleId) {
        List<String> words = new ArrayList<>();
        events.readEvents(coupleId).asStream().map(event -> event.getPayload()).forEach(payload -> {
            for (RecordComponent field : payload.getClass().getRecordComponents()) {
                if (field.isAnnotationPresent(PersonalData.class)) {
                    try {
                        Object value = field.getAccessor().invoke(payload);
                        if (value instanceof String text && !text.isBlank()) {
                            words.add(text);
                        }
                    } catch (ReflectiveOperationException unreadable) {
                        throw new AssertionError(unreadable);
                    }
                }
            }
        });
        return words;
    }

    private JsonNode post(String base, String person, Role role, String path, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.trusted().token(person, role, Duration.ofMinutes(10)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 299);
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }
}
