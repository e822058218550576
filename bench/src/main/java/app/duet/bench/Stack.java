package app.duet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The product as a bench drives it: where accounts sign in, where commands go, where views are read
 * and pushed, and the processes it runs in. {@code standalone} is the one packaged jar on its
 * embedded stores; {@code distributed} is the issuer, command-service and query-service as separate
 * JVMs from their packaged jars on a PostgreSQL schema of their own, query-service with its
 * embedded views store (no MongoDB binary here).
 */
final class Stack implements AutoCloseable {

    /**
     * Every command, sign-up, sign-in and socket a bench makes is volume, not abuse: the per-account and
     * per-source limits are lifted (every bench account signs up from 127.0.0.1). Given to every service.
     */
    static final List<String> NO_LIMITS = List.of("--duet.access.commands-per-second=100000",
            "--duet.access.command-burst=100000", "--duet.identity.sign-ups-per-hour=1000000",
            "--duet.identity.token-requests-per-minute=1000000", "--duet.access.connections-per-account=10000");

    final String name;
    final String issuer;
    final String commands;
    final String queries;
    private final List<ProductJvm> jvms;
    private final BenchSchema schema;
    private final Path dataDir;
    private final AutoCloseable proxy;

    private Stack(String name, String issuer, String commands, String queries, List<ProductJvm> jvms,
                  BenchSchema schema, Path dataDir) {
        this(name, issuer, commands, queries, jvms, schema, dataDir, null);
    }

    private Stack(String name, String issuer, String commands, String queries, List<ProductJvm> jvms,
                  BenchSchema schema, Path dataDir, AutoCloseable proxy) {
        this.proxy = proxy;
        this.name = name;
        this.issuer = issuer;
        this.commands = commands;
        this.queries = queries;
        this.jvms = jvms;
        this.schema = schema;
        this.dataDir = dataDir;
    }

    /** {@code trust}: arguments every service gets, to accept the bench's tokens ({@link Accounts}). */
    static Stack start(String name, boolean withQueries, List<String> trust) throws Exception {
        return switch (name) {
            case "standalone" -> standalone(trust);
            case "distributed" -> distributed(withQueries, trust);
            case "relay-1" -> relayed(1, trust);
            case "relay-2" -> relayed(2, trust);
            default -> throw new IllegalArgumentException("No stack " + name + ": standalone or distributed");
        };
    }

    static Stack standalone(List<String> trust) throws Exception {
        Path data = Files.createTempDirectory("duet-bench-standalone");
        List<String> arguments = new ArrayList<>(List.of("--duet.data-dir=" + data, "--duet.identity.access-token-ttl=2h"));
        arguments.addAll(NO_LIMITS);
        arguments.addAll(trust);
        ProductJvm product = ProductJvm.start("standalone", ProductJvm.jar("standalone/target/duet-standalone-exec.jar"),
                List.of("-Xmx1g"), arguments);
        product.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(4));
        return new Stack("standalone", product.base(), product.base(), product.base(), List.of(product), null, data);
    }

    /** The issuer and command-service, and query-service unless only commands are measured. */
    static Stack distributed(boolean withQueries, List<String> trust) throws Exception {
        BenchSchema schema = new BenchSchema("stack");
        List<ProductJvm> jvms = new ArrayList<>();
        try {
            // A request waits up to 15 s for a pooled connection, as in standalone, rather than the 2 s
            // after which the services answer 503 (meant for a database that is away): on a shared
            // 2-core machine under load, a wait of seconds is queueing, not an outage.
            List<String> database = List.of("--spring.datasource.url=" + schema.url(),
                    "--spring.datasource.username=" + BenchSchema.USER, "--spring.datasource.password=" + BenchSchema.PASSWORD,
                    "--spring.datasource.hikari.connection-timeout=15000");
            ProductJvm identity = ProductJvm.start("identity", ProductJvm.jar("identity/target/identity-0.1.0-SNAPSHOT-exec.jar"),
                    List.of("-Xmx512m"), concat(concat(database, NO_LIMITS), List.of("--duet.identity.access-token-ttl=2h",
                            "--duet.identity.web-client.redirect-uris=http://127.0.0.1:{port}/")));
            jvms.add(identity);
            identity.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(4));
            List<String> tokens = trust.isEmpty() ? List.of("--duet.access.jwk-set-uri=" + identity.base() + "/oauth2/jwks") : trust;
            ProductJvm command = ProductJvm.start("command-service", ProductJvm.jar("command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar"),
                    List.of("-Xmx1g"), concat(concat(database, tokens), NO_LIMITS));
            jvms.add(command);
            command.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(4));
            String queries = command.base();
            if (withQueries) {
                ProductJvm query = ProductJvm.start("query-service", ProductJvm.jar("query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar"),
                        List.of("-Xmx1g"), concat(concat(concat(database, tokens), NO_LIMITS), List.of("--duet.mongo.embedded=true")));
                jvms.add(query);
                query.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(4));
                queries = query.base();
            }
            return new Stack("distributed", identity.base(), command.base(), queries, jvms, schema, null);
        } catch (Exception failed) {
            for (ProductJvm jvm : jvms) {
                jvm.close();
            }
            schema.close();
            throw failed;
        }
    }

    /**
     * The distributed stack as it scales out: {@code instances} query-services sharing one views store
     * (the first one's in-process MongoDB stand-in, on a port the others reach), pushes relayed through
     * the local RabbitMQ, and commands, queries and sockets through Debian's nginx running the
     * compose proxy's routes.
     */
    static Stack relayed(int instances, List<String> trust) throws Exception {
        Stack inner = distributed(false, trust);
        List<ProductJvm> jvms = new ArrayList<>(inner.jvms);
        List<String> database = List.of("--spring.datasource.url=" + inner.schema.url(),
                "--spring.datasource.username=" + BenchSchema.USER, "--spring.datasource.password=" + BenchSchema.PASSWORD,
                "--spring.datasource.hikari.connection-timeout=15000");
        int viewsPort = freePort();
        List<String> queries = new ArrayList<>();
        try {
            for (int i = 1; i <= instances; i++) {
                List<String> views = i == 1
                        ? List.of("--duet.mongo.embedded=true", "--duet.mongo.embedded-port=" + viewsPort)
                        : List.of("--duet.mongo.embedded=false", "--spring.mongodb.uri=mongodb://127.0.0.1:" + viewsPort + "/duet");
                ProductJvm query = ProductJvm.start("query-service-" + i, ProductJvm.jar("query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar"),
                        List.of("-Xmx1g"), concat(concat(concat(concat(database, trust), views), NO_LIMITS), List.of("--duet.instance-id=query-" + i,
                                "--duet.stomp.relay.enabled=true", "--duet.stomp.relay.host=127.0.0.1")));
                jvms.add(query);
                query.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(4));
                queries.add("127.0.0.1:" + query.port);
            }
            app.duet.testing.NginxProxy proxy = app.duet.testing.NginxProxy.start(app.duet.testing.NginxProxy.Upstreams.none()
                    .withCommandService("127.0.0.1:" + jvms.get(1).port).withQueryService(queries.toArray(String[]::new))
                    .withIdentity("127.0.0.1:" + jvms.get(0).port));
            String base = proxy.baseUrl();
            return new Stack("relay-" + instances, inner.issuer, base, base, jvms, inner.schema, null, proxy);
        } catch (Exception failed) {
            for (ProductJvm jvm : jvms) {
                jvm.close();
            }
            inner.schema.close();
            throw failed;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String webSocket() {
        return queries.replace("http://", "ws://") + "/ws";
    }

    /** The product's processes: its JVMs and, where the stack relays through them, RabbitMQ and nginx. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>(jvms.stream().map(ProductJvm::pid).toList());
        if (proxy != null) {
            ProcessHandle.allProcesses().filter(process -> process.info().command()
                            .filter(command -> command.endsWith("beam.smp") || command.endsWith("/nginx")).isPresent())
                    .forEach(process -> pids.add(process.pid()));
        }
        return pids;
    }

    List<ProductJvm> jvms() {
        return jvms;
    }

    @Override
    public void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        for (int i = jvms.size() - 1; i >= 0; i--) {
            jvms.get(i).close();
        }
        if (schema != null) {
            schema.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
