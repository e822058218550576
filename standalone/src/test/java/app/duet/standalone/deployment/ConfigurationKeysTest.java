package app.duet.standalone.deployment;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Spring, Boot, Axon and springdoc setting in the modules' configuration is one that the
 * libraries on this build's classpath declare: a name that a platform upgrade renamed or retired
 * would be silently ignored (or kept only as deprecated), so it fails here instead. The libraries' own configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}) is the list of names they read.
 */
class ConfigurationKeysTest {

    private static final Set<String> CHECKED_ROOTS = Set.of("spring", "management", "server", "springdoc", "axon", "logging");
    /** Read by Axon Server's connector, which Duet leaves out; the setting keeps it off should it come back. */
    private static final Set<String> DECLARED_ELSEWHERE = Set.of("axon.axonserver.enabled");

    @Test
    void everySettingInTheModulesConfigurationIsOneTheLibrariesRead() throws IOException {
        Map<String, String> known = knownNames();
        assertThat(known).as("configuration metadata on the classpath").hasSizeGreaterThan(1000);
        List<String> unknown = new ArrayList<>();
        for (Path file : configurationFiles()) {
            for (String key : keys(file)) {
                if (CHECKED_ROOTS.contains(key.split("\\.")[0]) && !DECLARED_ELSEWHERE.contains(key) && !isKnown(key, known)) {
                    unknown.add(DeploymentFilesTest.repositoryRoot().relativize(file) + ": " + key
                            + DeploymentFilesTest.replacement(key).map(boot4 -> " (a Spring Boot 3 name; Boot 4 reads " + boot4 + ")").orElse(""));
                }
            }
        }
        assertThat(unknown).as("settings no library on the classpath reads").isEmpty();
    }

    /** A name is known as itself, or as a key under a map-valued property (management.metrics.tags.service). */
    private static boolean isKnown(String key, Map<String, String> known) {
        if (known.containsKey(key)) {
            return true;
        }
        for (String under = key; under.contains("."); ) {
            under = under.substring(0, under.lastIndexOf('.'));
            if (known.getOrDefault(under, "").startsWith("java.util.Map")) {
                return true;
            }
        }
        return false;
    }

    /** Every setting the libraries read, with its type. */
    private static Map<String, String> knownNames() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> names = new HashMap<>();
        for (URL metadata : Collections.list(ConfigurationKeysTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    // A renamed setting stays in the metadata, marked deprecated: it counts as unknown.
                    if (property.path("deprecation").isMissingNode() && !property.path("deprecated").asBoolean(false)) {
                        names.put(property.path("name").asString(), property.path("type").asString(""));
                    }
                }
            }
        }
        return names;
    }

    private static List<Path> configurationFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DeploymentFilesTest.repositoryRoot())) {
            return files.filter(file -> file.toString().replace('\\', '/').contains("/src/main/resources/"))
                    .filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .sorted().toList();
        }
    }

    private static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                flatten("", document, keys);
            }
        }
        return keys;
    }

    private static void flatten(String prefix, Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, keys));
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }
}
