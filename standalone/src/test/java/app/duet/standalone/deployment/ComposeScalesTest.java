package app.duet.standalone.deployment;

import app.duet.testing.NginxProxy;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml read for what {@code docker compose up --scale query-service=2 --scale
 * command-service=2} needs (no Docker engine runs here): the scaled services publish no host port,
 * the proxy in front is the one the tests run ({@link NginxProxy}, same routes file) and reaches every
 * replica, Prometheus scrapes every replica, and the public URL is the proxy's.
 */
class ComposeScalesTest {

    static final List<String> SCALED = List.of("command-service", "query-service");
    /** nginx's open-source `server ... resolve` (re-resolving upstream names) arrived in 1.27.3. */
    static final List<Integer> FIRST_NGINX_THAT_RESOLVES = List.of(1, 27, 3);
    static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://([a-z_]+)\\s*;");
    static final Pattern UPSTREAM = Pattern.compile("upstream\\s+([a-z_]+)\\s*\\{([^}]*)}");
    static final Pattern SERVER = Pattern.compile("server\\s+([a-z0-9-]+):(\\d+)([^;]*);");

    final Path root = DeploymentFilesTest.repositoryRoot();

    @Test
    void onlyTheProxyPublishesTheProductsPortSoServicesCanScale() throws IOException {
        Map<String, Map<String, Object>> services = services();

        for (String service : List.of("command-service", "query-service", "identity", "web-client")) {
            assertThat(services.get(service)).as("docker-compose.yml, service " + service
                    + ": a published port would clash between replicas; the proxy reaches it inside the network")
                    .doesNotContainKeys("ports", "container_name");
        }
        assertThat(services.get("proxy").get("ports")).as("the proxy publishes the page's port").isEqualTo(List.of("8080:8080"));
    }

    @Test
    void theProxyIsAPinnedNginxThatFindsNewReplicasAndStartsOnceTheServicesAreHealthy() throws IOException {
        Map<String, Object> proxy = services().get("proxy");
        String image = (String) proxy.get("image");

        assertThat(DeploymentFilesTest.repository(image)).isEqualTo("nginx");
        assertThat(DeploymentFilesTest.unpinned("proxy", image)).isEmpty();
        assertThat(atLeast(DeploymentFilesTest.tag(image), FIRST_NGINX_THAT_RESOLVES))
                .as("nginx " + DeploymentFilesTest.tag(image) + " reads `server ... resolve` (1.27.3 or later)").isTrue();
        assertThat(proxy.get("volumes")).isEqualTo(List.of("./ops/nginx:/etc/nginx/duet:ro"));
        assertThat(String.join(" ", strings(proxy.get("command")))).contains("-c /etc/nginx/duet/nginx.conf");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) proxy.get("depends_on");
        assertThat(dependsOn).containsOnlyKeys("identity", "command-service", "query-service", "web-client");
        dependsOn.forEach((service, condition) -> assertThat(condition).as("proxy depends on " + service)
                .containsEntry("condition", "service_healthy"));
    }

    @Test
    void composeRunsTheRoutesFileTheTestsRunWithEveryGroupAtItsService() throws IOException {
        String main = Files.readString(root.resolve("ops/nginx/nginx.conf"));
        String routes = Files.readString(root.resolve(NginxProxy.ROUTES));
        String upstreams = Files.readString(root.resolve("ops/nginx/upstreams.conf"));

        assertThat(main).contains("include routes.conf;", "include upstreams.conf;", "listen 8080;");
        assertThat(NginxProxy.ROUTES).isEqualTo("ops/nginx/routes.conf");
        assertThat(all(PROXY_PASS, routes, 1)).as("groups routes.conf passes to")
                .containsExactlyInAnyOrderElementsOf(NginxProxy.UPSTREAM_GROUPS);
        assertThat(all(UPSTREAM, upstreams, 1)).as("groups upstreams.conf defines")
                .containsExactlyInAnyOrderElementsOf(NginxProxy.UPSTREAM_GROUPS);
        assertThat(upstreams).containsPattern("(?m)^resolver 127\\.0\\.0\\.11 valid=\\d+s");

        Map<String, Map<String, Object>> services = services();
        Matcher group = UPSTREAM.matcher(withoutComments(upstreams));
        while (group.find()) {
            Matcher server = SERVER.matcher(group.group(2));
            assertThat(server.find()).as("upstream " + group.group(1) + " names a server").isTrue();
            String service = server.group(1);
            assertThat(services).as("upstream " + group.group(1) + " names a compose service").containsKey(service);
            assertThat(strings(services.get(service).get("expose"))).as(service + " exposes the port the proxy uses")
                    .containsExactly(server.group(2));
            assertThat(server.group(3)).as("upstream " + group.group(1) + ": every replica, re-resolved").contains("resolve");
            assertThat(group.group(2)).as("upstream " + group.group(1) + ": `resolve` needs a shared zone").contains("zone ");
        }
    }

    @Test
    void prometheusScrapesEveryReplicaThroughDockersDns() throws IOException {
        Map<String, Object> prometheus = load(root.resolve("ops/prometheus/prometheus.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> duet = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .filter(job -> "duet".equals(job.get("job_name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> discovered = (List<Map<String, Object>>) duet.get("dns_sd_configs");

        Set<String> names = new TreeSet<>();
        discovered.forEach(entry -> {
            assertThat(entry).containsEntry("type", "A").containsKey("port");
            names.addAll(strings(entry.get("names")));
        });
        assertThat(names).containsAll(SCALED);
        assertThat(String.valueOf(duet.get("static_configs"))).doesNotContain("command-service", "query-service");
    }

    @Test
    void theAddressBrowsersUseIsTheProxys() throws IOException {
        Map<String, Object> compose = load(root.resolve("docker-compose.yml"));
        String publicUrl = (String) compose.get("x-public-url");
        String published = strings(services().get("proxy").get("ports")).get(0).split(":")[0];

        assertThat(publicUrl).isEqualTo("http://localhost:" + published);
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) services().get("identity").get("environment");
        assertThat(identity).containsEntry("DUET_IDENTITY_ISSUER", publicUrl)
                .containsEntry("DUET_IDENTITY_WEB_CLIENT_REDIRECT_URIS", publicUrl + "/")
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        assertThat(Files.readString(root.resolve("docker-compose.yml"))).doesNotContain("DUET_EDGE_");
    }

    // --- reading ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) load(root.resolve("docker-compose.yml")).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    private static List<String> strings(Object list) {
        List<String> values = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> values.add(String.valueOf(item)));
        }
        return values;
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(withoutComments(text));
        while (matcher.find()) {
            if (!found.contains(matcher.group(group))) {
                found.add(matcher.group(group));
            }
        }
        return found;
    }

    private static String withoutComments(String nginxConfiguration) {
        return nginxConfiguration.replaceAll("(?m)#.*$", "");
    }

    /** 1.28.0 against 1.27.3, number by number; a suffix (-bookworm, -alpine) does not count. */
    private static boolean atLeast(String tag, List<Integer> floor) {
        String[] parts = tag.replaceFirst("^v", "").split("[^0-9.]", 2)[0].split("\\.");
        for (int i = 0; i < floor.size(); i++) {
            int part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            if (part != floor.get(i)) {
                return part > floor.get(i);
            }
        }
        return true;
    }
}
