package app.duet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A partner's screen reduced to what the bench needs: a raw STOMP connection over a WebSocket that
 * measures every frame the server pushes, byte for byte as sent (headers and body), with no size
 * limit of its own, and notices when the server closes it.
 */
final class StompFrameMeter implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong largestMessage = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private volatile String closedBecause;
    private WebSocket socket;

    /** Connects as the page does (bearer token in the CONNECT frame) and subscribes to each destination. */
    static StompFrameMeter open(String wsUrl, String bearer, String... destinations) throws Exception {
        StompFrameMeter meter = new StompFrameMeter();
        meter.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(wsUrl), meter).get(10, TimeUnit.SECONDS);
        meter.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer " + bearer + "\n\n");
        if (!meter.connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("STOMP CONNECT not answered: " + meter.closedBecause);
        }
        int id = 0;
        for (String destination : destinations) {
            meter.send("SUBSCRIBE\nid:sub-" + id++ + "\ndestination:" + destination + "\n\n");
        }
        return meter;
    }

    private void send(String frame) {
        socket.sendText(frame + "\0", true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.startsWith("CONNECTED")) {
                connected.countDown();
            } else if (frame.startsWith("MESSAGE")) {
                messages.incrementAndGet();
                largestMessage.accumulateAndGet(frame.getBytes(StandardCharsets.UTF_8).length, Math::max);
            } else if (frame.startsWith("ERROR")) {
                closedBecause = frame.lines().filter(line -> line.startsWith("message:")).findFirst().orElse("ERROR");
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedBecause = "closed " + statusCode + " " + reason;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedBecause = "error " + error;
    }

    long largestMessageBytes() {
        return largestMessage.get();
    }

    long messages() {
        return messages.get();
    }

    /** Why the server ended the connection, or null while it is open. */
    String closedBecause() {
        return closedBecause;
    }

    void close() {
        if (closedBecause == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
