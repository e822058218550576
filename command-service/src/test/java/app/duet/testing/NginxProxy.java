package app.duet.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Duet's proxy as docker-compose.yml runs it, from Debian's nginx package: the same routes file
 * ({@code ops/nginx/routes.conf}), in front of upstream addresses a test chooses instead of Docker's.
 * Renders the upstreams and a main file into a temporary prefix (pid, logs and temporary files stay
 * there, so it runs as any user), starts nginx as a child process on a free port of 127.0.0.1,
 * waits until it accepts connections, and stops it on {@link #close()}. Where nginx is not
 * installed, {@link #start} skips the calling test and says why.
 */
public final class NginxProxy implements AutoCloseable {

    /** Set it to another nginx binary than Debian's. */
    public static final String BINARY_PROPERTY = "duet.nginx";
    /** Set it to the repository root when the tests do not run inside the repository. */
    public static final String REPO_ROOT_PROPERTY = "duet.repo.root";
    /** The file compose and these tests share, relative to the repository root. */
    public static final String ROUTES = "ops/nginx/routes.conf";

    /** The upstream groups routes.conf passes to; compose's ops/nginx/upstreams.conf defines the same. */
    public static final List<String> UPSTREAM_GROUPS = List.of("command_service", "query_service", "identity", "web_client");

    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 3;

    /**
     * Where each upstream group of the routes file sends its requests, as {@code host:port} or
     * {@code http://host:port}; a group without addresses answers 502 at once.
     */
    public record Upstreams(List<String> commandService, List<String> queryService, List<String> identity,
                            List<String> webClient) {

        public static Upstreams none() {
            return new Upstreams(List.of(), List.of(), List.of(), List.of());
        }

        public Upstreams withCommandService(String... addresses) {
            return new Upstreams(List.of(addresses), queryService, identity, webClient);
        }

        public Upstreams withQueryService(String... addresses) {
            return new Upstreams(commandService, List.of(addresses), identity, webClient);
        }

        public Upstreams withIdentity(String... addresses) {
            return new Upstreams(commandService, queryService, List.of(addresses), webClient);
        }

        public Upstreams withWebClient(String... addresses) {
            return new Upstreams(commandService, queryService, identity, List.of(addresses));
        }

        /** In the order of {@link #UPSTREAM_GROUPS}. */
        String render() {
            List<List<String>> addresses = List.of(commandService, queryService, identity, webClient);
            StringBuilder groups = new StringBuilder();
            for (int i = 0; i < UPSTREAM_GROUPS.size(); i++) {
                groups.append(group(UPSTREAM_GROUPS.get(i), addresses.get(i)));
            }
            return groups.toString();
        }

        private static String group(String name, List<String> addresses) {
            // nginx wants at least one server per group: one marked down makes the group answer 502.
            String servers = addresses.isEmpty() ? "    server 127.0.0.1:9 down;\n"
                    : addresses.stream().map(address -> "    server " + hostAndPort(address) + ";\n")
                            .collect(Collectors.joining());
            return "upstream " + name + " {\n" + servers + "    keepalive 16;\n}\n";
        }

        private static String hostAndPort(String address) {
            if (!address.contains("://")) {
                return address;
            }
            URI uri = URI.create(address);
            if (uri.getPort() < 0 || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                throw new IllegalArgumentException("an upstream is host:port or http://host:port, not " + address);
            }
            return uri.getHost() + ":" + uri.getPort();
        }
    }

    private final Process nginx;
    private final Path prefix;
    private final int port;

    private NginxProxy(Process nginx, Path prefix, int port) {
        this.nginx = nginx;
        this.prefix = prefix;
        this.port = port;
    }

    /** Starts nginx with the shared routes in front of these upstreams; skips the calling test if nginx is missing. */
    public static NginxProxy start(Upstreams upstreams) {
        Path binary = Path.of(System.getProperty(BINARY_PROPERTY, "/usr/sbin/nginx"));
        Assumptions.assumeTrue(Files.isExecutable(binary), "nginx is not installed at " + binary
                + " (Debian's nginx package; .ci/run installs it, or set -D" + BINARY_PROPERTY + "=PATH): "
                + "the tests through the proxy are skipped");
        Path routes = repositoryRoot().resolve(ROUTES);
        try {
            Path prefix = Files.createTempDirectory("duet-nginx");
            Files.createDirectories(prefix.resolve("temp"));
            Files.writeString(prefix.resolve("upstreams.conf"), upstreams.render());
            IllegalStateException failure = null;
            // A free port may be taken between choosing it and nginx binding it: then choose again.
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = freePort();
                Files.writeString(prefix.resolve("nginx.conf"), mainFile(prefix, routes, port, modulesWithTempFiles(binary)));
                Process nginx = new ProcessBuilder(binary.toString(), "-p", prefix + "/", "-c", prefix + "/nginx.conf",
                        "-g", "daemon off;")
                        .redirectOutput(prefix.resolve("stdout.log").toFile())
                        .redirectError(prefix.resolve("stderr.log").toFile())
                        .start();
                NginxProxy proxy = new NginxProxy(nginx, prefix, port);
                try {
                    proxy.awaitAnswering();
                    return proxy;
                } catch (IllegalStateException notStarted) {
                    proxy.stop();
                    failure = notStarted;
                    if (!proxy.errorLog().contains("Address already in use")) {
                        break;
                    }
                }
            }
            deleteRecursively(prefix);
            throw failure;
        } catch (IOException failed) {
            throw new UncheckedIOException("nginx could not be started", failed);
        }
    }

    /** http://127.0.0.1:PORT, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** ws://127.0.0.1:PORT/ws: query-service's STOMP endpoint through the proxy. */
    public String webSocketUrl() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    public int port() {
        return port;
    }

    /** What nginx logged, for a failing test's message. */
    public String errorLog() {
        return read(prefix.resolve("error.log"));
    }

    @Override
    public void close() {
        stop();
        deleteRecursively(prefix);
    }

    private void stop() {
        // master_process off: the one process started here is all there is to stop.
        nginx.destroy();
        try {
            if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            nginx.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswering() {
        Instant giveUp = Instant.now().plus(STARTUP);
        // nginx writes its pid file only once its listening socket is bound: until then a connection
        // accepted on the port may be another program's.
        while (!(Files.isRegularFile(prefix.resolve("nginx.pid")) && accepts(port))) {
            try {
                // Waiting on the process itself both paces the polling and notices nginx giving up.
                if (nginx.waitFor(25, TimeUnit.MILLISECONDS) || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("nginx did not start on port " + port + " (exit "
                            + (nginx.isAlive() ? "none yet" : nginx.exitValue()) + "): " + errorLog()
                            + read(prefix.resolve("stderr.log")));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while nginx started", interrupted);
            }
        }
    }

    /**
     * One process (master_process off), so stopping it stops everything it started; every path nginx
     * writes is inside the prefix, including the temporary files of modules the routes do not use,
     * which nginx creates at startup wherever it was compiled to.
     */
    private static String mainFile(Path prefix, Path routes, int port, List<String> tempModules) {
        String temp = tempModules.stream()
                .map(module -> "    " + module + "_temp_path " + prefix.resolve("temp/" + module) + ";\n")
                .collect(Collectors.joining());
        return "master_process off;\n"
                + "error_log " + prefix.resolve("error.log") + " warn;\n"
                + "pid " + prefix.resolve("nginx.pid") + ";\n"
                // Each open page is two connections (the browser's and the upstream's): room for the bench's thousands.
                + "worker_rlimit_nofile 40000;\n"
                + "events {\n    worker_connections 20000;\n}\n"
                + "http {\n"
                + "    access_log " + prefix.resolve("access.log") + ";\n"
                + temp
                + "    include " + prefix.resolve("upstreams.conf") + ";\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + ";\n"
                + "        include " + routes + ";\n"
                + "    }\n"
                + "}\n";
    }

    /** client_body and proxy always; fastcgi, uwsgi and scgi unless this nginx was built without them. */
    private static List<String> modulesWithTempFiles(Path binary) throws IOException {
        Process version = new ProcessBuilder(binary.toString(), "-V").redirectErrorStream(true).start();
        String built = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .filter(module -> !built.contains("--without-http_" + module + "_module"))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether something listens on this loopback port. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The directory holding ops/nginx/routes.conf: the system property if set, else the nearest one up from here. */
    static Path repositoryRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(ROUTES))) {
                return directory;
            }
        }
        throw new IllegalStateException("no " + ROUTES + " in " + Path.of("").toAbsolutePath() + " or above; set -D"
                + REPO_ROOT_PROPERTY + "=<repository root>");
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException unreadable) {
            return "(" + file + " unreadable: " + unreadable + ")";
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
