package app.duet.bench;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The moments of a live session that a test only awaits with a bound, measured on the packaged
 * standalone product: a safety concern raised → on the therapist's screen; a page hidden → "away" on
 * the partner's; a tab closed → "connection dropped" on the partner's; the second partner ready →
 * the answers on both screens (the countdown, then the reveal), and how far apart the two land.
 * <p>
 * {@code bench/run moments --couples=30 --rounds=5}
 */
final class MomentsBench {

    private static final String S = "moments";
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int count = Integer.parseInt(options.getOrDefault("couples", "30"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        Figures.machineLoad(S, "before");
        FloorBench.Floor floor = FloorBench.measure(S, "", 100, Integer.parseInt(options.getOrDefault("floor-seconds", "10")));
        Accounts accounts = new Accounts(options);
        int missing = 0;
        try (Stack stack = Stack.start("standalone", true, accounts.productArguments());
             LiveCouples live = LiveCouples.open(stack, accounts, count, Executors.newFixedThreadPool(8), (couple, who, frame) -> { })) {
            List<Long> concerns = new ArrayList<>();
            List<Long> away = new ArrayList<>();
            List<Long> dropped = new ArrayList<>();
            List<Long> reveals = new ArrayList<>();
            List<Long> skews = new ArrayList<>();
            for (LiveCouples.Couple couple : live.couples) {
                StompTestClient first = couple.screens.get(0).client();
                StompTestClient second = couple.screens.get(1).client();
                if (couple.therapist != null) {
                    StompTestClient therapist = couple.screens.get(2).client();
                    therapist.subscribe(ViewPublisher.THERAPIST_TOPIC + couple.therapist);
                    TimeUnit.MILLISECONDS.sleep(500); // the subscription takes hold
                    for (int round = 0; round < rounds; round++) {
                        String words = "bench concern " + couple.index + "-" + round;
                        long sent = System.nanoTime();
                        live.commands.post(couple.partners[1], "/api/commands/couples/" + couple.coupleId + "/safety-concerns",
                                "{\"words\":\"" + words + "\"}");
                        missing += record(concerns, sent, therapist, body -> body.contains(words));
                    }
                }
                String b = couple.partners[1];
                long hidden = System.nanoTime();
                second.send("/app/presence.away", "");
                missing += record(away, hidden, first, presence(b, "AWAY"));
                second.disconnect(); // the screen leaves with a goodbye; a tab of B's now opens and closes
                WebSocket tab = openTab(stack.webSocket(), live.tokens.get(b), couple.sessionId);
                missing += record(new ArrayList<>(), System.nanoTime(), first, presence(b, "HERE"));
                long closed = System.nanoTime();
                tab.sendClose(1001, "").get(10, TimeUnit.SECONDS);
                missing += record(dropped, closed, first, presence(b, "DROPPED"));
                missing += reveal(live, couple, first, couple.screens.size() > 2 ? couple.screens.get(2).client() : null, reveals, skews);
            }
            Figures.latencies(S, "concern-to-therapist", concerns);
            Figures.latencies(S, "hidden-to-away", away);
            Figures.latencies(S, "tab-closed-to-dropped", dropped);
            Figures.latencies(S, "second-ready-to-reveal", reveals);
            Figures.latencies(S, "reveal-skew-partner-therapist", skews);
            Figures.line(S, "floor-p99", floor.p99Ms(), "ms");
            Figures.line(S, "missing", missing, "moments");
        }
        Figures.machineLoad(S, "after");
        if (missing > 0) {
            throw new IllegalStateException(missing + " moments never reached a screen within 30 s: the run fails");
        }
    }

    /**
     * Both partners lean and get ready; the second's ready starts the countdown. Measured: that
     * command's answer → the revealed step on the first partner's screen, and how far apart the
     * first partner's and the therapist's screens show it (the two partners' screens are one socket
     * here: the second's was closed above).
     */
    private static int reveal(LiveCouples live, LiveCouples.Couple couple, StompTestClient first, StompTestClient therapist,
                              List<Long> reveals, List<Long> skews) throws Exception {
        String session = "/api/commands/sessions/" + couple.sessionId;
        for (String partner : couple.partners) {
            live.commands.sendPut(partner, session + "/leans/lean-" + partner.substring(0, 8), "{\"step\":\"lean\",\"lean\":\"BACK\",\"energy\":5}");
        }
        live.commands.send(couple.partners[0], session + "/steps/lean/ready", null);
        int before = first.received().size();
        int beforeTherapist = therapist == null ? 0 : therapist.received().size();
        long ready = System.nanoTime();
        live.commands.send(couple.partners[1], session + "/steps/lean/ready", null);
        long firstAt = awaitFrom(first, before, body -> body.contains("revealedAt"));
        if (firstAt < 0) {
            return 1;
        }
        reveals.add(firstAt - ready);
        if (therapist != null) {
            long therapistAt = awaitFrom(therapist, beforeTherapist, body -> body.contains("revealedAt"));
            if (therapistAt < 0) {
                return 1;
            }
            skews.add(Math.abs(therapistAt - firstAt));
        }
        return 0;
    }

    private static Predicate<String> presence(String personId, String connection) {
        return body -> body.contains("\"personId\":\"" + personId + "\",\"role\":\"partner\",\"connection\":\"" + connection + "\"");
    }

    /** Adds the time from {@code since} to the first frame after now that matches; 1 if none came. */
    private static int record(List<Long> into, long since, StompTestClient screen, Predicate<String> matches) throws InterruptedException {
        long at = awaitFrom(screen, 0, matches);
        if (at < 0) {
            return 1;
        }
        into.add(at - since);
        screen.forgetReceived();
        return 0;
    }

    /** When a frame received after the first {@code skip} matched, in System.nanoTime(); -1 if none within the bound. */
    private static long awaitFrom(StompTestClient screen, int skip, Predicate<String> matches) throws InterruptedException {
        long until = System.nanoTime() + BOUND_NANOS;
        while (System.nanoTime() < until) {
            List<StompTestClient.Received> received = screen.received();
            for (int n = Math.min(skip, received.size()); n < received.size(); n++) {
                if (matches.test(received.get(n).body().toString())) {
                    return received.get(n).receivedNanos();
                }
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return -1;
    }

    /** A browser tab's socket by hand (CONNECT, SUBSCRIBE), so it can be closed as a tab closes: no goodbye. */
    private static WebSocket openTab(String url, String token, String sessionId) throws Exception {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n\0", true).get(5, TimeUnit.SECONDS);
        socket.sendText("SUBSCRIBE\nid:tab\ndestination:" + ViewPublisher.SESSION_TOPIC + sessionId + "\n\n\0", true).get(5, TimeUnit.SECONDS);
        return socket;
    }

    private MomentsBench() {
    }
}
