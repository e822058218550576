package app.duet.query.support;

import tools.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real STOMP client over a real WebSocket, as a partner's browser would be; it keeps what it received. */
public final class StompTestClient implements AutoCloseable {

    /** A view pushed to a destination, or a notice about the views (then {@code notice} names it and there is no version). */
    public record Received(String destination, JsonNode body, long receivedNanos, String notice) {
        public long version() {
            return body.path("version").asLong(-1);
        }

        public boolean isNotice() {
            return notice != null;
        }
    }

    private static final int MAX_FRAME_BYTES = 64 * 1024;

    private final WebSocketStompClient client;
    private final StompSession session;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final Feedback feedback;

    /** What the server said besides messages: ERROR frames, and whether it closed the connection. */
    private static final class Feedback extends StompSessionHandlerAdapter {
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(headers.getFirst("message") + " " + payload);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            closed = true;
        }

        @Override
        public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                                    byte[] payload, Throwable exception) {
            throw new IllegalStateException("A STOMP frame could not be handled", exception);
        }
    }

    private StompTestClient(WebSocketStompClient client, StompSession session, Feedback feedback) {
        this.client = client;
        this.session = session;
        this.feedback = feedback;
    }

    /** Connects with this bearer token in the CONNECT frame (none when null), as the page does. */
    public static StompTestClient connect(String wsUrl, String bearer) throws Exception {
        // Pushed frames stay under 16 KB; the container's 8 KB default would still cut a large one off, and a
        // buffer of a megabyte per connection (allocated up front) ran the bench's load JVM out of heap.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(MAX_FRAME_BYTES);
        client.setMessageConverter(new CompositeMessageConverter(
                List.of(new StringMessageConverter(), new JacksonJsonMessageConverter())));
        StompHeaders connect = new StompHeaders();
        if (bearer != null) {
            connect.add("Authorization", "Bearer " + bearer);
        }
        Feedback feedback = new Feedback();
        StompSession session = client.connectAsync(wsUrl, new WebSocketHttpHeaders(), connect, feedback)
                .get(10, TimeUnit.SECONDS);
        return new StompTestClient(client, session, feedback);
    }

    public void subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(new Received(destination, (JsonNode) payload, System.nanoTime(), headers.getFirst("duet-notice")));
                listeners.forEach(listener -> listener.accept((JsonNode) payload));
            }
        });
    }

    /** Also hands every message received from now on to the listener, as it arrives (for the bench). */
    public void onMessage(java.util.function.Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /** Sends a frame to a destination, as a client that tries to write over STOMP would. */
    public void send(String destination, String text) {
        session.send(destination, text);
    }

    /** Says goodbye (a DISCONNECT frame) and closes, as signing out does. */
    public void disconnect() {
        session.disconnect();
    }

    public List<String> errors() {
        return List.copyOf(feedback.errors);
    }

    /** Whether the server has refused or closed this connection. */
    public boolean isShut() {
        return feedback.closed || !session.isConnected();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Lets go of what was received so far: a long run (the soak) counts messages, it does not keep them. */
    public void forgetReceived() {
        received.clear();
    }

    /** The first message on a destination that carries at least this version. */
    public Optional<Received> firstWithVersion(String destination, long version) {
        return received.stream().filter(r -> r.destination().equals(destination) && r.version() >= version)
                .findFirst();
    }

    /**
     * The view as a screen that applied every change it was pushed would show it, as the page's feed
     * does: each summary replaces the view's small part, each item change puts, replaces or removes
     * one item of a growing list, in version order. Only what was pushed since subscribing is in it.
     */
    public JsonNode pushedView() {
        tools.jackson.databind.node.ObjectNode view = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        received.stream().filter(message -> !message.isNotice())
                .sorted(java.util.Comparator.comparingLong(Received::version)).forEach(message -> {
                    JsonNode summary = message.body().path("summary");
                    if (summary.isObject()) {
                        summary.properties().forEach(field -> view.set(field.getKey(), field.getValue()));
                    }
                    view.put("version", message.version());
                    for (JsonNode change : message.body().path("changes")) {
                        apply(view, change);
                    }
                });
        return view;
    }

    private static void apply(tools.jackson.databind.node.ObjectNode view, JsonNode change) {
        String name = change.path("list").asString();
        tools.jackson.databind.node.ArrayNode list = view.get(name) instanceof tools.jackson.databind.node.ArrayNode held
                ? held : view.putArray(name);
        List<String> keyFields = change.path("keyFields").valueStream().map(JsonNode::asString).toList();
        String key = change.path("key").asString();
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemKey = keyFields.isEmpty() ? item.toString()
                    : String.join("|", keyFields.stream().map(field -> item.path(field).asString()).toList());
            if (itemKey.equals(key)) {
                at = i;
            }
        }
        JsonNode item = change.path("item");
        if (item.isMissingNode() || item.isNull()) {
            if (at >= 0) {
                list.remove(at);
            }
        } else if (at >= 0) {
            list.set(at, item);
        } else if (change.path("newestFirst").asBoolean()) {
            list.insert(0, item);
        } else {
            list.add(item);
        }
    }

    public long latestVersion(String destination) {
        return received.stream().filter(r -> r.destination().equals(destination))
                .mapToLong(Received::version).max().orElse(-1);
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (org.springframework.messaging.MessageDeliveryException closedMeanwhile) {
            // The server closed the socket between the check and the goodbye (a refusal does): nothing to say goodbye to.
        }
        client.stop();
    }
}
