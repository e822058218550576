package app.duet.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Inflater;

/**
 * Many STOMP-over-WebSocket clients that connect, sign in, subscribe and then sit still, as the
 * pages of partners who left a tab open do. One thread and one selector hold them all, each costing
 * a socket and a few objects (not a WebSocket library's buffers), so one load JVM can hold tens of
 * thousands. It speaks just enough of RFC 6455 (masked text frames out; text, close and ping in) and
 * of STOMP 1.2 (CONNECT, SUBSCRIBE; CONNECTED, MESSAGE, ERROR).
 */
final class IdleStompClients implements AutoCloseable {

    /** Who connects and to which topics, as the page of one partner would. */
    record Screen(String bearer, List<String> topics) {
    }

    private enum State { CONNECTING, UPGRADING, SIGNING_IN, LISTENING, SHUT }

    private final class Client {
        private final Screen screen;
        private final SocketChannel channel;
        private State state = State.CONNECTING;
        /** Bytes read and not yet understood; null while nothing waits, so an idle client holds none. */
        private ByteArrayOutputStream inbox;
        private ByteBuffer unsent;
        /** Set when the server took up permessage-deflate: its messages then come compressed, with a shared window. */
        private Inflater inflater;

        private Client(Screen screen, SocketChannel channel) {
            this.screen = screen;
            this.channel = channel;
        }
    }

    private final Selector selector;
    private final List<InetSocketAddress> servers;
    private final String path;
    private final boolean offerDeflate;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger listening = new AtomicInteger();
    private final AtomicInteger shut = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger deflated = new AtomicInteger();
    /** What the server said when it refused or closed a client, and how often. */
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    /**
     * @param servers      the product's addresses, used in turn (several loopback addresses widen the ports a client can use)
     * @param offerDeflate whether to offer permessage-deflate in the upgrade, as browsers do
     */
    IdleStompClients(List<InetSocketAddress> servers, String path, boolean offerDeflate) throws IOException {
        this.selector = Selector.open();
        this.servers = servers;
        this.path = path;
        this.offerDeflate = offerDeflate;
    }

    /**
     * Opens a client for each screen, at most {@code inFlight} between connecting and subscribed at
     * once, and returns when every one is listening or shut, or when {@code atMostNanos} have passed.
     */
    void open(List<Screen> screens, int inFlight, long atMostNanos) throws IOException {
        long deadline = System.nanoTime() + atMostNanos;
        int next = 0;
        while ((listening.get() + shut.get() < screens.size()) && System.nanoTime() < deadline) {
            while (next < screens.size() && next - listening.get() - shut.get() < inFlight) {
                connect(screens.get(next), servers.get(next % servers.size()));
                next++;
            }
            poll(100);
        }
    }

    /** Keeps reading for this long: pushes are counted, ERROR frames and closes are noted. */
    void hold(long nanos) throws IOException {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            poll(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        }
    }

    int listening() {
        return listening.get();
    }

    int shut() {
        return shut.get();
    }

    /** How many clients the server agreed to compress for. */
    int deflated() {
        return deflated.get();
    }

    int messages() {
        return messages.get();
    }

    Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    private void connect(Screen screen, InetSocketAddress server) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        Client client = new Client(screen, channel);
        clients.add(client);
        try {
            if (channel.connect(server)) {
                upgrade(client, channel.register(selector, SelectionKey.OP_READ, client));
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, client);
            }
        } catch (IOException refused) {
            shut(client, "connect: " + refused.getMessage());
        }
    }

    private void poll(long millis) throws IOException {
        selector.select(millis);
        for (SelectionKey key : selector.selectedKeys()) {
            Client client = (Client) key.attachment();
            try {
                if (key.isValid() && key.isConnectable() && client.channel.finishConnect()) {
                    upgrade(client, key);
                }
                if (key.isValid() && key.isWritable()) {
                    flush(client, key);
                }
                if (key.isValid() && key.isReadable()) {
                    read(client, key);
                }
            } catch (IOException broken) {
                shut(client, "socket: " + broken.getMessage());
            }
        }
        selector.selectedKeys().clear();
    }

    private void upgrade(Client client, SelectionKey key) throws IOException {
        InetSocketAddress server = (InetSocketAddress) client.channel.getRemoteAddress();
        String request = WebSocketWire.upgradeRequest(server, path, offerDeflate);
        client.state = State.UPGRADING;
        key.interestOps(SelectionKey.OP_READ);
        send(client, key, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    }

    private void read(Client client, SelectionKey key) throws IOException {
        readBuffer.clear();
        int read = client.channel.read(readBuffer);
        if (read < 0) {
            shut(client, "closed by the server without a close frame");
            return;
        }
        if (client.inbox == null) {
            client.inbox = new ByteArrayOutputStream();
        }
        client.inbox.write(readBuffer.array(), 0, read);
        byte[] bytes = client.inbox.toByteArray();
        int used = client.state == State.UPGRADING ? upgraded(client, key, bytes) : frames(client, key, bytes);
        client.inbox = null;
        if (used < bytes.length && client.state != State.SHUT) {
            client.inbox = new ByteArrayOutputStream();
            client.inbox.write(bytes, used, bytes.length - used);
        }
    }

    /** The server's answer to the upgrade: 101, then STOMP's CONNECT with the bearer token. */
    private int upgraded(Client client, SelectionKey key, byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return 0;
        }
        if (!text.startsWith("HTTP/1.1 101")) {
            shut(client, "upgrade refused: " + text.lines().findFirst().orElse(""));
            return bytes.length;
        }
        if (text.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-extensions: permessage-deflate")) {
            client.inflater = new Inflater(true);
            deflated.incrementAndGet();
        }
        client.state = State.SIGNING_IN;
        sendText(client, key, "CONNECT\naccept-version:1.2\nhost:duet\nheart-beat:0,0\nAuthorization:Bearer "
                + client.screen.bearer() + "\n\n\0");
        return end + 4 + frames(client, key, java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length));
    }

    /** Whole WebSocket frames from the server, each a STOMP frame (Spring sends one per message); returns the bytes used. */
    private int frames(Client client, SelectionKey key, byte[] bytes) throws IOException {
        int at = 0;
        WebSocketWire.Frame frame;
        while (client.state != State.SHUT && (frame = WebSocketWire.Frame.at(bytes, at)) != null) {
            byte[] raw = java.util.Arrays.copyOfRange(bytes, frame.payloadStart(), frame.end());
            String payload = new String(frame.compressed() ? WebSocketWire.inflate(client.inflater, raw) : raw, StandardCharsets.UTF_8);
            at = frame.end();
            switch (frame.opcode()) {
                case 0x8 -> shut(client, "closed by the server" + (payload.length() > 2 ? ": " + payload.substring(2) : ""));
                case 0x9 -> send(client, key, WebSocketWire.masked(0xA, payload.getBytes(StandardCharsets.UTF_8)));
                case 0x1, 0x0 -> stomp(client, key, payload);
                default -> { }
            }
        }
        return at;
    }

    private void stomp(Client client, SelectionKey key, String frame) throws IOException {
        String command = frame.lines().findFirst().orElse("").strip();
        switch (command) {
            case "CONNECTED" -> {
                int id = 0;
                for (String topic : client.screen.topics()) {
                    sendText(client, key, "SUBSCRIBE\nid:sub-" + id++ + "\ndestination:" + topic + "\n\n\0");
                }
                client.state = State.LISTENING;
                listening.incrementAndGet();
            }
            case "MESSAGE" -> messages.incrementAndGet();
            case "ERROR" -> shut(client, "ERROR " + frame.lines().filter(line -> line.startsWith("message:"))
                    .findFirst().orElse(frame.strip()));
            default -> {
                // a heart-beat (an empty line) or a RECEIPT: nothing to do
            }
        }
    }

    private void sendText(Client client, SelectionKey key, String stomp) throws IOException {
        send(client, key, WebSocketWire.masked(0x1, stomp.getBytes(StandardCharsets.UTF_8)));
    }

    private void send(Client client, SelectionKey key, ByteBuffer bytes) throws IOException {
        if (client.unsent != null) {
            ByteBuffer joined = ByteBuffer.allocate(client.unsent.remaining() + bytes.remaining());
            client.unsent = joined.put(client.unsent).put(bytes).flip();
        } else {
            client.unsent = bytes;
        }
        flush(client, key);
    }

    private void flush(Client client, SelectionKey key) throws IOException {
        client.channel.write(client.unsent);
        if (client.unsent.hasRemaining()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } else {
            client.unsent = null;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    private void shut(Client client, String why) {
        if (client.state == State.SHUT) {
            return;
        }
        if (client.state == State.LISTENING) {
            listening.decrementAndGet();
        }
        client.state = State.SHUT;
        client.inbox = null;
        shut.incrementAndGet();
        refusals.merge(why.length() > 200 ? why.substring(0, 200) : why, 1, Integer::sum);
        try {
            client.channel.close();
        } catch (IOException alreadyBroken) {
            // nothing more to close
        }
    }

    @Override
    public void close() {
        for (Client client : clients) {
            try {
                client.channel.close();
            } catch (IOException ignored) {
                // the product may be gone already
            }
        }
        try {
            selector.close();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
