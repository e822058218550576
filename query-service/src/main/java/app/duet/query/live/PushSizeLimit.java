package app.duet.query.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;

/**
 * A view too large to push is not pushed: a frame that big would sit in a client's send buffer and
 * get the connection closed. Its listeners hear a {@value #NOTICE} notice instead (header
 * {@value #NOTICE_HEADER}, as the catching-up notices), fetch the view over REST and stay connected;
 * the log names the topic and the size.
 */
class PushSizeLimit implements ChannelInterceptor {

    static final String NOTICE_HEADER = "duet-notice";
    static final String NOTICE = "view-too-large";
    private static final Logger log = LoggerFactory.getLogger(PushSizeLimit.class);

    private final int limitBytes;

    PushSizeLimit(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!(message.getPayload() instanceof byte[] body) || body.length <= limitBytes
                || SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
            return message;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        log.warn("Not pushed to {}: a view of {} bytes is over the {}-byte limit of a pushed frame (duet.websocket.pushed-frame);"
                + " its listeners are told to fetch it", headers.getDestination(), body.length, limitBytes);
        headers.setNativeHeader(NOTICE_HEADER, NOTICE);
        String notice = "{\"notice\":\"" + NOTICE + "\",\"bytes\":" + body.length + ",\"limit\":" + limitBytes + "}";
        return MessageBuilder.createMessage(notice.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
    }
}
