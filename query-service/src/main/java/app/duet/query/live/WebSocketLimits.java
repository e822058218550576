package app.duet.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one STOMP connection may send and be sent, and what it holds while nobody speaks on it: a
 * partner's page sits open for hours, quiet after CONNECT and SUBSCRIBE, so its buffers are sized
 * for that and every frame passes through them in pieces.
 *
 * @param inboundFrame the largest STOMP frame a client may send (a CONNECT with its token is about
 *                     1.5 KB); a larger one is answered with an ERROR frame that names the limit
 * @param pushedFrame  the largest view pushed (they are meant to stay under 16 KB); a larger one is
 *                     not sent: its listeners get a {@code view-too-large} notice and fetch it over REST
 * @param sendBuffer   how much may wait for one slow client before it is disconnected; at least twice
 *                     {@code pushedFrame}, so that no single push closes a connection
 * @param frameBuffer  Tomcat's per-connection buffers for reading, encoding and writing frames: a
 *                     larger push goes out as several WebSocket frames of this size (one message)
 * @param messageBuffer Tomcat's per-connection buffer for a message coming in, handed to the STOMP
 *                     decoder in pieces of this size, which joins them up to {@code inboundFrame}
 * @param socketBuffer Tomcat's per-connection socket read and write buffers (HTTP requests use them too)
 */
@ConfigurationProperties("duet.websocket")
record WebSocketLimits(@DefaultValue("8KB") DataSize inboundFrame,
                       @DefaultValue("256KB") DataSize pushedFrame,
                       @DefaultValue("512KB") DataSize sendBuffer,
                       @DefaultValue("4KB") DataSize frameBuffer,
                       @DefaultValue("1KB") DataSize messageBuffer,
                       @DefaultValue("4KB") DataSize socketBuffer) {

    WebSocketLimits {
        if (sendBuffer.toBytes() < 2 * pushedFrame.toBytes()) {
            throw new IllegalArgumentException("duet.websocket.send-buffer (" + sendBuffer + ") must be at least twice "
                    + "duet.websocket.pushed-frame (" + pushedFrame + "), or one push could close a connection");
        }
    }

    int bytes(DataSize size) {
        return Math.toIntExact(size.toBytes());
    }
}
