package app.duet.query.presence;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of each socket on this instance, as its STOMP frames tell it: when its page was last heard
 * (any frame, heart-beats included), whether it promised heart-beats at CONNECT, and whether it said
 * goodbye (a DISCONNECT frame) before it closed. A page that promised heart-beats and went silent past
 * the drop time is closed here: its network is gone, whatever the TCP connection still believes.
 */
@Component
class ConnectionLife implements WebSocketHandlerDecoratorFactory, ChannelInterceptor {

    private static final class Socket {
        private final WebSocketSession socket;
        private volatile long heardAt = System.currentTimeMillis();
        private volatile boolean promisedBeats;
        private volatile boolean saidGoodbye;

        private Socket(WebSocketSession socket) {
            this.socket = socket;
        }
    }

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
                sockets.put(socket.getId(), new Socket(socket));
                super.afterConnectionEstablished(socket);
            }

            @Override
            public void handleMessage(WebSocketSession socket, WebSocketMessage<?> message) throws Exception {
                Socket known = sockets.get(socket.getId());
                if (known != null) {
                    known.heardAt = System.currentTimeMillis();
                }
                super.handleMessage(socket, message);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) throws Exception {
                try {
                    super.afterConnectionClosed(socket, status);
                } finally {
                    sockets.remove(socket.getId());
                }
            }
        };
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        Socket known = stomp == null || stomp.getSessionId() == null ? null : sockets.get(stomp.getSessionId());
        if (known == null) {
            return message;
        }
        if (stomp.getCommand() == StompCommand.CONNECT || stomp.getCommand() == StompCommand.STOMP) {
            known.promisedBeats = stomp.getHeartbeat()[0] > 0;
        } else if (stomp.getCommand() == StompCommand.DISCONNECT) {
            known.saidGoodbye = true;
        }
        return message;
    }

    /** Whether the page on this socket said goodbye before it closed (asked while the close is handled). */
    boolean saidGoodbye(String socketId) {
        Socket known = sockets.get(socketId);
        return known != null && known.saidGoodbye;
    }

    /** Closes every socket that promised heart-beats and has been silent since the cutoff; says how many. */
    int closeSilentSince(long cutoff) {
        int closed = 0;
        for (Socket known : sockets.values()) {
            if (known.promisedBeats && known.heardAt < cutoff && known.socket.isOpen()) {
                try {
                    known.socket.close(CloseStatus.SESSION_NOT_RELIABLE.withReason("No heart-beat"));
                } catch (IOException alreadyGone) {
                    // Closing a socket whose network is gone may fail; its close is handled all the same.
                }
                closed++;
            }
        }
        return closed;
    }
}
