package app.duet.bench;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Couples as real people make them, through the product's own front doors: each partner signs in
 * ({@link Accounts}), they pair and both join a running session, and every tenth couple
 * invites a therapist whom both consent to and who observes the session. Every one of them keeps a
 * live screen (a STOMP connection subscribed to the session's view) as the page does.
 */
final class LiveCouples implements AutoCloseable {

    /** Someone with a screen on a session: a partner ({@code 0}, {@code 1}) or the observing therapist ({@code 2}). */
    record Screen(int who, StompTestClient client) {
    }

    static final class Couple {
        final int index;
        final String coupleId;
        final String sessionId;
        final String[] partners;
        final List<Screen> screens = new ArrayList<>();
        /** The observing therapist's account, for every tenth couple; null for the others. */
        String therapist;

        Couple(int index, String coupleId, String sessionId, String[] partners) {
            this.index = index;
            this.coupleId = coupleId;
            this.sessionId = sessionId;
            this.partners = partners;
        }

        int recipients() {
            return screens.size();
        }
    }

    final Map<String, String> tokens;
    final CommandClient commands;
    final CommandClient queries;
    final List<Couple> couples = new ArrayList<>();
    private final Stack stack;
    private final Accounts accounts;

    private LiveCouples(Stack stack, Accounts accounts) {
        this.stack = stack;
        this.accounts = accounts;
        this.tokens = accounts.tokens;
        this.commands = new CommandClient(stack.commands, tokens::get);
        this.queries = new CommandClient(stack.queries, tokens::get);
    }

    /**
     * Opens {@code count} couples on {@code pool}; {@code onFrame} hears every frame any screen
     * receives, with its couple and who the screen belongs to.
     */
    static LiveCouples open(Stack stack, Accounts accounts, int count, ExecutorService pool, FrameListener onFrame) throws Exception {
        LiveCouples live = new LiveCouples(stack, accounts);
        List<Future<Couple>> opening = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int index = n;
            opening.add(pool.submit(() -> live.openCouple(index, onFrame)));
        }
        long started = System.nanoTime();
        for (Future<Couple> couple : opening) {
            live.couples.add(couple.get());
            if (live.couples.size() % 100 == 0) {
                System.out.printf("  …%d couples live (%.0f s)%n", live.couples.size(), (System.nanoTime() - started) / 1e9);
            }
        }
        return live;
    }

    interface FrameListener {
        void heard(Couple couple, int who, String frame);
    }

    private Couple openCouple(int index, FrameListener onFrame) throws Exception {
        String[] partners = {accounts.newPerson(stack, "PARTNER"), accounts.newPerson(stack, "PARTNER")};
        var created = post(partners[0], "/api/commands/couples", "{\"displayName\":\"Alex\"}");
        String coupleId = created.get("coupleId").asString();
        post(partners[1], "/api/commands/couples/join", "{\"invitationCode\":\"" + created.get("invitationCode").asString()
                + "\",\"displayName\":\"Sam\"}");
        String sessionId = post(partners[0], "/api/commands/couples/" + coupleId + "/sessions", "{\"exercise\":\"CHECK_IN\"}")
                .get("sessionId").asString();
        post(partners[0], "/api/commands/sessions/" + sessionId + "/join", null);
        post(partners[1], "/api/commands/sessions/" + sessionId + "/join", null);
        Couple couple = new Couple(index, coupleId, sessionId, partners);
        List<String> watching = new ArrayList<>(List.of(partners));
        if (index % 10 == 0) {
            String therapist = accounts.newPerson(stack, "THERAPIST");
            post(partners[0], "/api/commands/couples/" + couple.coupleId + "/therapists",
                    "{\"therapistCode\":\"" + therapist + "\",\"therapistName\":\"Dr Bench\"}");
            post(partners[1], "/api/commands/couples/" + couple.coupleId + "/therapists/" + therapist + "/consent", null);
            post(therapist, "/api/commands/sessions/" + couple.sessionId + "/observe", null);
            watching.add(therapist);
            couple.therapist = therapist;
        }
        for (int who = 0; who < watching.size(); who++) {
            String token = tokens.get(watching.get(who));
            // A screen listens to a view once it can read it, as the page does (on a busy machine the
            // projections may be minutes behind the setup's commands).
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (queries.getWithToken(token, "/api/queries/sessions/" + couple.sessionId).statusCode() != 200) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("Session " + couple.sessionId + " not readable by screen " + who + " within 300 s");
                }
                // Not faster: hundreds of screens polling every 50 ms were most of the product's busy samples.
                TimeUnit.MILLISECONDS.sleep(250);
            }
            StompTestClient client = connect(stack.webSocket(), token);
            int screen = who;
            client.onMessage(body -> onFrame.heard(couple, screen, body.toString()));
            client.subscribe(ViewPublisher.SESSION_TOPIC + couple.sessionId);
            couple.screens.add(new Screen(who, client));
        }
        return couple;
    }

    /**
     * A setup command; a 503 (the product's pool had no connection for it in time, as happens when a
     * busy machine slows every command) is sent again after a pause, as the page does after Retry-After.
     * Only setup retries: a refused command in the measured phases counts as refused.
     */
    private tools.jackson.databind.JsonNode post(String person, String path, String body) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            var answer = commands.send(person, path, body);
            if (answer.statusCode() != 503 || attempt == 5) {
                if (answer.statusCode() >= 300) {
                    throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
                }
                return answer.body().isEmpty() ? tools.jackson.databind.node.NullNode.getInstance()
                        : new tools.jackson.databind.ObjectMapper().readTree(answer.body());
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    /**
     * A STOMP connection, tried again up to five times: on a busy machine the WebSocket client's
     * five-second upgrade timeout is sometimes too short, which is not what a bench measures.
     */
    static StompTestClient connect(String url, String token) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return StompTestClient.connect(url, token);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException slow) {
                if (attempt == 5) {
                    throw slow;
                }
                System.err.println("STOMP connect failed (" + slow.getMessage() + "), trying again");
            }
        }
    }

    /** Screens the server refused or closed, and STOMP ERROR frames received. */
    int screenFailures() {
        int failures = 0;
        for (Couple couple : couples) {
            for (Screen screen : couple.screens) {
                failures += (screen.client().isShut() ? 1 : 0) + screen.client().errors().size();
            }
        }
        return failures;
    }

    @Override
    public void close() {
        couples.forEach(couple -> couple.screens.forEach(screen -> screen.client().close()));
    }
}
