package app.duet.standalone.deployment;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The deployment files at the repository root, read rather than run (no Docker engine runs where
 * this project is built): every container image is pinned to an exact release on a supported line,
 * and docker-compose.yml uses no property name that Spring Boot 4 retired (the modules' own
 * configuration is checked against the libraries' metadata in {@link ConfigurationKeysTest}).
 */
class DeploymentFilesTest {

    /** Set it to the repository root when the tests do not run inside the repository. */
    static final String REPO_ROOT_PROPERTY = "duet.repo.root";

    /**
     * Spring Boot 3 names that Boot 4 no longer reads, each with its replacement. A name covers
     * itself and everything under it (spring.data.mongodb.ssl covers spring.data.mongodb.ssl.enabled).
     * Spring Data's own spring.data.mongodb.* settings (auto-index-creation, field-naming-strategy,
     * gridfs, representation, repositories) stay where they are.
     */
    static final Map<String, String> RETIRED = retired(
            "spring.data.mongodb.uri", "spring.mongodb.uri",
            "spring.data.mongodb.host", "spring.mongodb.host",
            "spring.data.mongodb.port", "spring.mongodb.port",
            "spring.data.mongodb.additional-hosts", "spring.mongodb.additional-hosts",
            "spring.data.mongodb.database", "spring.mongodb.database",
            "spring.data.mongodb.username", "spring.mongodb.username",
            "spring.data.mongodb.password", "spring.mongodb.password",
            "spring.data.mongodb.authentication-database", "spring.mongodb.authentication-database",
            "spring.data.mongodb.replica-set-name", "spring.mongodb.replica-set-name",
            "spring.data.mongodb.protocol", "spring.mongodb.protocol",
            "spring.data.mongodb.ssl", "spring.mongodb.ssl",
            "spring.data.mongodb.uuid-representation", "spring.mongodb.representation.uuid",
            "management.health.mongo", "management.health.mongodb",
            "management.metrics.mongo", "management.metrics.mongodb",
            "spring.http.client", "spring.http.clients",
            "spring.http.reactiveclient", "spring.http.clients",
            "spring.codec", "spring.http.codecs",
            "spring.mvc.converters.preferred-json-mapper", "spring.http.converters.preferred-json-mapper",
            "spring.jackson.read", "spring.jackson.json.read",
            "spring.jackson.write", "spring.jackson.json.write",
            "spring.jackson.parser", "spring.jackson.json.read",
            "spring.jackson.generator", "spring.jackson.json.write",
            "server.servlet.encoding", "spring.servlet.encoding",
            "management.tracing.enabled", "management.tracing.export.enabled",
            "spring.dao.exceptiontranslation.enabled", "spring.persistence.exceptiontranslation.enabled");

    /** Images whose upstream numbers its releases major.minor (PostgreSQL 17.6 is an exact release). */
    static final Set<String> TWO_PART_RELEASES = Set.of("postgres");

    /** v3.5.0, 17.0.16_8-jre-noble; not 3.9-..., 17-jre or 8. */
    static final Pattern THREE_PART_VERSION = Pattern.compile("^v?\\d+\\.\\d+\\.\\d+(?:\\.\\d+)*(?:[_+-].*)?$");
    /** 17.6-bookworm; not 17 or 17-bookworm. */
    static final Pattern TWO_PART_VERSION = Pattern.compile("^v?\\d+\\.\\d+(?:\\.\\d+)*(?:[_+-].*)?$");
    static final Pattern FROM = Pattern.compile(
            "^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$", Pattern.CASE_INSENSITIVE);

    final Path root = repositoryRoot();

    @Test
    void everyComposeImageIsPinnedToAnExactRelease() throws IOException {
        Map<String, String> images = composeImages();

        List<String> problems = new ArrayList<>();
        images.forEach((service, image) -> problems.addAll(unpinned("docker-compose.yml, service " + service, image)));

        assertThat(images).as("services with an image: in docker-compose.yml").isNotEmpty();
        assertThat(problems).as("images in docker-compose.yml not pinned to an exact release").isEmpty();
    }

    @Test
    void everyDockerfileBaseImageIsPinnedToAnExactRelease() throws IOException {
        List<String> images = dockerfileImages();

        List<String> problems = new ArrayList<>();
        images.forEach(image -> problems.addAll(unpinned("Dockerfile, FROM " + image, image)));

        assertThat(images).as("FROM lines of the Dockerfile").isNotEmpty();
        assertThat(problems).as("Dockerfile base images not pinned to an exact release").isEmpty();
    }

    @Test
    void theStoresAndTheBrokerRunOnSupportedMajorLines() throws IOException {
        Map<String, String> byRepository = new LinkedHashMap<>();
        composeImages().values().forEach(image -> byRepository.put(repository(image), tag(image)));

        assertThat(byRepository).as("images in docker-compose.yml")
                .containsKeys("postgres", "mongo", "rabbitmq", "prom/prometheus", "grafana/grafana", "nginx");
        assertThat(byRepository.get("postgres")).as("PostgreSQL").startsWith("17.");
        assertThat(byRepository.get("mongo")).as("MongoDB").startsWith("8.");
        assertThat(byRepository.get("rabbitmq")).as("RabbitMQ, with its management UI")
                .startsWith("4.").contains("management");
    }

    @Test
    void theServicesAreBuiltAndRunOnJava17() throws IOException {
        List<String> images = dockerfileImages();

        assertThat(images).as("Dockerfile: the build image")
                .anySatisfy(image -> assertThat(image).startsWith("eclipse-temurin:17.").contains("-jdk"));
        assertThat(images.get(images.size() - 1)).as("Dockerfile: the runtime image, a Temurin 17 JRE")
                .startsWith("eclipse-temurin:17.").contains("-jre");
    }

    @Test
    void theBrokerStillEnablesStompAndItsManagementUi() throws IOException {
        // An Erlang term: [rabbitmq_management,rabbitmq_prometheus,rabbitmq_stomp].
        String term = Files.readString(root.resolve("ops/rabbitmq/enabled_plugins")).trim();
        List<String> plugins = Stream.of(term.replaceAll("^\\[|\\]\\s*\\.$", "").split(","))
                .map(String::trim).collect(Collectors.toList());

        assertThat(plugins).as("ops/rabbitmq/enabled_plugins").contains("rabbitmq_stomp", "rabbitmq_management");
    }

    @Test
    void noRetiredSpringBoot3PropertyIsLeftInComposeEnvironments() throws IOException {
        List<String> problems = new ArrayList<>();
        composeServices().forEach((service, definition) -> environment(definition).forEach(variable -> {
            String name = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            replacement(name).ifPresent(replacement -> problems.add("docker-compose.yml, service " + service
                    + ": " + variable + " is a Spring Boot 3 name; Boot 4 reads " + environmentForm(replacement)
                    + " (" + replacement + ")"));
        }));

        assertThat(problems).as("retired property names in docker-compose.yml").isEmpty();
    }

    // --- images -----------------------------------------------------------------------------------

    /** What keeps an image reference from naming one exact release; empty when it does. */
    static List<String> unpinned(String where, String image) {
        if (image.contains("$")) {
            return List.of(where + ": named through a variable; name the image and its tag literally");
        }
        String tag = tag(image);
        if (tag.isEmpty()) {
            return List.of(where + ": no tag, so it means latest; pin an exact release");
        }
        if (tag.equalsIgnoreCase("latest")) {
            return List.of(where + ": the tag latest moves; pin an exact release");
        }
        boolean twoPart = TWO_PART_RELEASES.contains(repository(image));
        if (!(twoPart ? TWO_PART_VERSION : THREE_PART_VERSION).matcher(tag).matches()) {
            return List.of(where + ": the tag " + tag + " names a line that moves, not a release; pin a full version ("
                    + (twoPart ? "major.minor" : "major.minor.patch") + ")");
        }
        return List.of();
    }

    /** The tag: what follows the last ':' after the last '/', so a registry's port is not taken for one. */
    static String tag(String image) {
        String name = withoutDigest(image);
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
    }

    static String repository(String image) {
        String name = withoutDigest(image);
        int colon = name.lastIndexOf(':');
        String repository = colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
        return repository.startsWith("docker.io/library/") ? repository.substring("docker.io/library/".length())
                : repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }

    private static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    /** Services that are built from the Dockerfile (build:) are left out: the Dockerfile's FROM lines are checked. */
    private Map<String, String> composeImages() throws IOException {
        Map<String, String> images = new TreeMap<>();
        composeServices().forEach((service, definition) -> {
            if (definition.containsKey("build")) {
                return;
            }
            assertThat(definition.get("image")).as("docker-compose.yml, service " + service + ": image or build")
                    .isInstanceOf(String.class);
            images.put(service, (String) definition.get("image"));
        });
        return images;
    }

    private List<String> dockerfileImages() throws IOException {
        List<String> images = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("Dockerfile"))) {
            Matcher from = FROM.matcher(line);
            if (!from.matches()) {
                continue;
            }
            String image = from.group(1);
            boolean earlierStage = stages.contains(image.toLowerCase(Locale.ROOT));
            if (!earlierStage && !image.equalsIgnoreCase("scratch")) {
                images.add(image);
            }
            if (from.group(2) != null) {
                stages.add(from.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return images;
    }

    // --- docker-compose.yml -----------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> composeServices() throws IOException {
        Object compose;
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        assertThat(compose).as("docker-compose.yml").isInstanceOf(Map.class);
        Object services = ((Map<String, Object>) compose).get("services");
        assertThat(services).as("docker-compose.yml: services").isInstanceOf(Map.class);
        Map<String, Map<String, Object>> result = new TreeMap<>();
        ((Map<Object, Object>) services).forEach((name, definition) -> {
            assertThat(definition).as("docker-compose.yml, service " + name).isInstanceOf(Map.class);
            result.put(String.valueOf(name), (Map<String, Object>) definition);
        });
        return result;
    }

    /** The variable names of a service's environment, in either of compose's forms (a map, or KEY=value items). */
    private static List<String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).collect(Collectors.toList());
        }
        if (environment instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(item -> item.split("=", 2)[0].trim()).collect(Collectors.toList());
        }
        return List.of();
    }

    // --- module configuration ---------------------------------------------------------------------

    // --- retired names ----------------------------------------------------------------------------

    /**
     * The Boot 4 name for a key that uses a retired one, compared the way relaxed binding does:
     * case, dashes and underscores inside a segment do not count (replicaSetName, replica-set-name).
     */
    static Optional<String> replacement(String key) {
        String[] segments = key.split("\\.");
        String[] loose = loose(key).split("\\.");
        for (Map.Entry<String, String> retired : RETIRED.entrySet()) {
            String[] old = loose(retired.getKey()).split("\\.");
            if (startsWith(loose, old)) {
                StringBuilder replacement = new StringBuilder(retired.getValue());
                for (int i = old.length; i < segments.length; i++) {
                    replacement.append('.').append(segments[i]);
                }
                return Optional.of(replacement.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(String[] key, String[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!key[i].equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** SPRING_MONGODB_URI for spring.mongodb.uri: relaxed binding's environment-variable form. */
    static String environmentForm(String property) {
        return property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
    }

    private static Map<String, String> retired(String... oldAndNew) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < oldAndNew.length; i += 2) {
            table.put(oldAndNew[i], oldAndNew[i + 1]);
        }
        return table;
    }

    // --- the repository ---------------------------------------------------------------------------

    /** The directory holding docker-compose.yml: the system property if set, else the nearest one up from here. */
    static Path repositoryRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            assertThat(root.resolve("docker-compose.yml")).as(REPO_ROOT_PROPERTY + " names the repository root").exists();
            return root;
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml"))) {
                return directory;
            }
        }
        return fail("no docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above; set -D"
                + REPO_ROOT_PROPERTY + "=<repository root>");
    }
}
