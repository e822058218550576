package app.duet.identity.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The mails about an account: the link that opens it, a word to an address that already has one,
 * the link that resets a password. On only where Spring Boot made a mail sender, that is where
 * {@code spring.mail.host} is set; standalone sends none by default. No mail holds a name or
 * anything the person wrote. At most {@value #PER_ADDRESS} mails go to one address per
 * {@link #WINDOW}, so the forms cannot be used to flood someone's mailbox; past that the form
 * answers as usual and nothing is sent.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    static final int PER_ADDRESS = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    /** Sent off the request's thread: how long a mail takes must not tell whether an address has an account. */
    private final ExecutorService postbox = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "duet-account-mail");
        thread.setDaemon(true);
        return thread;
    });

    AccountMail(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** Whether this Duet sends mail at all. */
    public boolean isOn() {
        return sender.getIfAvailable() != null;
    }

    MailSettings settings() {
        return settings;
    }

    void signUpLink(String email, String token) {
        send(email, "Confirm your address to open your Duet account", """
                Someone, we hope you, asked to open a Duet account with this e-mail address.

                To open it, follow this link within %d hours:
                %s

                If it was not you, you need not do anything: without the link, no account is opened.
                """.formatted(settings.signUpLinkValidFor().toHours(), settings.link("identity/verify.html", token)));
    }

    void alreadyHasAnAccount(String email) {
        send(email, "You already have a Duet account", """
                Someone, we hope you, asked to open a Duet account with this e-mail address, but it already has one.

                To use it, sign in at %s
                If you have forgotten your password, choose "Forgot your password?" on the sign-in page.

                If it was not you, you need not do anything: your account is unchanged.
                """.formatted(settings.linksTo()));
    }

    void passwordResetLink(String email, String token) {
        send(email, "Choose a new Duet password", """
                Someone, we hope you, asked to choose a new password for the Duet account of this e-mail address.

                To choose one, follow this link within %d minutes:
                %s

                If it was not you, you need not do anything: your password stays as it is.
                """.formatted(settings.resetLinkValidFor().toMinutes(), settings.link("identity/reset.html", token)));
    }

    private void send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !mayStillSendTo(to)) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        postbox.execute(() -> {
            try {
                mail.send(message);
            } catch (MailException unsent) {
                // The answer must not differ (it would tell whether the address has an account): logged only.
                log.warn("A mail about an account could not be sent: {}", unsent.getMessage());
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void close() {
        postbox.shutdown();
    }

    private boolean mayStillSendTo(String address) {
        Instant now = clock.instant();
        sent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(now.minus(WINDOW));
            }
        });
        Deque<Instant> recent = sent.computeIfAbsent(address.strip().toLowerCase(Locale.ROOT), key -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= PER_ADDRESS) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }
}
