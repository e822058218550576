package app.duet.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The little of RFC 6455 (and 7692's compression) that {@link IdleStompClients} speaks. */
final class WebSocketWire {

    /** A server's frame in a buffer: where its payload lies, or null from {@link #at} while it is incomplete. */
    record Frame(int opcode, boolean compressed, int payloadStart, int end) {

        static Frame at(byte[] bytes, int at) {
            if (bytes.length - at < 2) {
                return null;
            }
            long length = bytes[at + 1] & 0x7f;
            int header = 2;
            if (length == 126) {
                if (bytes.length - at < 4) {
                    return null;
                }
                length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
                header = 4;
            } else if (length == 127) {
                if (bytes.length - at < 10) {
                    return null;
                }
                length = ByteBuffer.wrap(bytes, at + 2, 8).getLong();
                header = 10;
            }
            if (bytes.length - at - header < length) {
                return null;
            }
            return new Frame(bytes[at] & 0x0f, (bytes[at] & 0x40) != 0, at + header, at + header + (int) length);
        }
    }

    private WebSocketWire() {
    }

    static String upgradeRequest(InetSocketAddress server, String path, boolean offerDeflate) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return "GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
                // What Chrome and Firefox offer with every WebSocket.
                + (offerDeflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "") + "\r\n";
    }

    /** A client's frame: final, masked (RFC 6455 requires it of clients). */
    static ByteBuffer masked(int opcode, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        return frame.flip();
    }

    /** RFC 7692: the sender dropped the final empty block's tail (00 00 ff ff); it is put back before inflating. */
    static byte[] inflate(Inflater inflater, byte[] compressed) throws IOException {
        byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
        input[compressed.length + 2] = (byte) 0xff;
        input[compressed.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int inflated;
            while ((inflated = inflater.inflate(chunk)) > 0) {
                plain.write(chunk, 0, inflated);
            }
        } catch (DataFormatException broken) {
            throw new IOException("A compressed frame could not be inflated", broken);
        }
        return plain.toByteArray();
    }
}
