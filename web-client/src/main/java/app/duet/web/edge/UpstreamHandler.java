package app.duet.web.edge;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;

/** query-service's side of one relayed connection: its frames go to the browser, its close closes the browser. */
class UpstreamHandler extends TextWebSocketHandler {

    private final WebSocketSession browser;

    UpstreamHandler(WebSocketSession browser) {
        this.browser = browser;
    }

    @Override
    protected void handleTextMessage(WebSocketSession upstream, TextMessage message) throws IOException {
        if (browser.isOpen()) {
            browser.sendMessage(message);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession upstream, CloseStatus status) throws IOException {
        if (browser.isOpen()) {
            browser.close(WebSocketRelay.sendable(status));
        }
    }
}
