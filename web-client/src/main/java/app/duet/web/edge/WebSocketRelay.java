package app.duet.web.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * For each browser on {@code /ws}, opens a WebSocket to query-service and relays text frames both
 * ways untouched, so STOMP runs end to end between the page and query-service.
 */
class WebSocketRelay extends TextWebSocketHandler implements SubProtocolCapable {

    /** Large enough for a whole view of a long session in one frame. */
    static final int MAX_TEXT_MESSAGE = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebSocketRelay.class);
    /** Browsers' STOMP clients ask for one of these and fail the handshake if none is chosen. */
    private static final List<String> STOMP_PROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final long CONNECT_TIMEOUT_SECONDS = 5;

    private final WebSocketClient client;
    private final URI queryService;
    private final Map<String, WebSocketSession> upstreams = new ConcurrentHashMap<>();

    WebSocketRelay(WebSocketClient client, URI queryService) {
        this.client = client;
        this.queryService = queryService;
    }

    @Override
    public List<String> getSubProtocols() {
        return STOMP_PROTOCOLS;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession browser) throws IOException {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (browser.getAcceptedProtocol() != null && !browser.getAcceptedProtocol().isEmpty()) {
            headers.setSecWebSocketProtocol(browser.getAcceptedProtocol());
        }
        // Connect before returning: the container hands us the browser's first frame only after
        // this method ends, so no frame can arrive before there is somewhere to send it.
        try {
            WebSocketSession upstream = client
                    .execute(new UpstreamHandler(concurrent(browser)), headers, queryService)
                    .get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            upstreams.put(browser.getId(), concurrent(upstream));
        } catch (ExecutionException | TimeoutException failed) {
            log.warn("Cannot open a WebSocket to query-service at {}: {}", queryService, failed.toString());
            browser.close(CloseStatus.SERVICE_OVERLOAD.withReason("query-service unreachable"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            browser.close(CloseStatus.SERVICE_RESTARTED);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession browser, TextMessage message) throws IOException {
        WebSocketSession upstream = upstreams.get(browser.getId());
        if (upstream != null && upstream.isOpen()) {
            upstream.sendMessage(message);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession browser, CloseStatus status) throws IOException {
        WebSocketSession upstream = upstreams.remove(browser.getId());
        if (upstream != null && upstream.isOpen()) {
            upstream.close(sendable(status));
        }
    }

    /** Both sides may send at once (a push while the browser's frame is relayed): serialize sends. */
    static WebSocketSession concurrent(WebSocketSession session) {
        return new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, MAX_TEXT_MESSAGE);
    }

    /** 1005, 1006 and 1015 only report what happened; they may not be sent in a close frame. */
    static CloseStatus sendable(CloseStatus status) {
        int code = status.getCode();
        return code == 1005 || code == 1006 || code == 1015 ? CloseStatus.GOING_AWAY : status;
    }
}
