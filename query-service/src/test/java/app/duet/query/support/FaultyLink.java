package app.duet.query.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link on loopback between a service and a server it depends on, which a test can cut (every
 * open connection dropped, new ones closed at once, as a server that went away) and mend.
 */
public final class FaultyLink implements AutoCloseable {

    private final ServerSocket listening;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-link");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    private FaultyLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    /** A link to a server on this machine's loopback at {@code targetPort}. */
    public static FaultyLink to(int targetPort) throws IOException {
        return new FaultyLink(targetPort);
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Drops every connection through the link and refuses new ones until {@link #mend()}. */
    public void cut() {
        cut = true;
        open.forEach(FaultyLink::closeQuietly);
        open.clear();
    }

    public void mend() {
        cut = false;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                open.add(client);
                open.add(server);
                pumps.execute(() -> pump(client, server));
                pumps.execute(() -> pump(server, client));
            } catch (IOException closedOrRefused) {
                // The link was closed, or the server refused: the client sees its connection end.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException dropped) {
            // cut, or one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listening.close();
        } catch (IOException ignored) {
            // already closed
        }
        pumps.shutdownNow();
    }
}
