package app.duet.standalone;

import app.duet.identity.BrowserSignIn;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document is a contract a client developer can build on: it parses with a maintained
 * OpenAPI parser, names Duet and its version, says how to authenticate, and declares for every
 * operation the errors it answers, each as a problem document. And the API keeps that promise:
 * even Spring's own refusals (no such path, wrong method, unreadable body) are problem documents.
 */
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext product;
    private static String baseUrl;
    private static OpenAPI document;

    @BeforeAll
    static void start() throws Exception {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir);
        baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) product).getWebServer().getPort();
        HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body());
        assertThat(parsed.getMessages()).as("what the parser found wrong with the served document").isEmpty();
        document = parsed.getOpenAPI();
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void theDocumentNamesDuetItsVersionAndHowToAuthenticate() {
        assertThat(document.getInfo().getTitle()).isEqualTo("Duet API");
        assertThat(document.getInfo().getVersion()).as("the build's version").matches("\\d+\\.\\d+\\.\\d+.*");
        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        SecurityScheme issuer = document.getComponents().getSecuritySchemes().get("issuer");
        assertThat(issuer.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(issuer.getFlows().getAuthorizationCode().getAuthorizationUrl()).isEqualTo("/oauth2/authorize");
        assertThat(issuer.getFlows().getAuthorizationCode().getTokenUrl()).isEqualTo("/oauth2/token");
        assertThat(document.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "rule", "errors");
    }

    @Test
    void everyOperationDeclaresItsErrorsAsProblemDocuments() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, method, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            List<String> expected = new ArrayList<>(List.of("401", "403", "500", "503"));
            if (operation.getRequestBody() != null) {
                expected.addAll(List.of("400", "413"));
            }
            if (WRITES.contains(method) && name.contains(" /api/commands/")) {
                expected.addAll(List.of("400", "409", "422", "429"));
            }
            for (String status : expected) {
                ApiResponse response = responses.get(status);
                MediaType problem = response == null || response.getContent() == null ? null
                        : response.getContent().get(PROBLEM_JSON);
                if (problem == null || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                    missing.add(name + " " + status);
                }
            }
        });
        assertThat(missing).as("operations and the errors they do not declare as problem documents").isEmpty();
    }

    /** A client may send any command again after a lost answer without doing it twice. */
    @Test
    void everyCommandTakesAnIdempotencyKey() {
        Parameter key = document.getComponents().getParameters().get("IdempotencyKey");
        assertThat(key.getIn()).isEqualTo("header");
        assertThat(key.getName()).isEqualTo("Idempotency-Key");
        assertThat(key.getRequired()).isFalse();
        assertThat(key.getSchema().getMaxLength()).isEqualTo(200);
        List<String> without = new ArrayList<>();
        forEachOperation((name, method, operation) -> {
            if (WRITES.contains(method) && name.contains(" /api/commands/") && (operation.getParameters() == null
                    || operation.getParameters().stream().filter(p -> "#/components/parameters/IdempotencyKey".equals(p.get$ref())).count() != 1)) {
                without.add(name);
            }
        });
        assertThat(without).as("commands that do not declare the Idempotency-Key header once").isEmpty();
    }

    /** A command that makes something (every POST under /api/commands that answers with a body). */
    @Test
    void theIssuersOwnEndpointsAreNotPartOfTheApi() {
        assertThat(document.getPaths().keySet()).noneMatch(path -> path.startsWith("/api/identity"));
    }

    @Test
    void everyCreateAnswers201AndNamesWhatItMade() {
        List<String> inconsistent = new ArrayList<>();
        forEachOperation((name, method, operation) -> {
            if (!name.contains(" /api/commands/")) {
                return;
            }
            operation.getResponses().forEach((status, response) -> {
                if (!status.startsWith("2") || response.getContent() == null) {
                    return;
                }
                MediaType body = response.getContent().values().iterator().next();
                Schema<?> schema = resolve(body.getSchema());
                if (method.equals("post") && !status.equals("201")) {
                    inconsistent.add(name + " answers " + status + " with a body: a create answers 201");
                }
                if (method.equals("post") && schema != null && schema.getProperties() != null
                        && schema.getProperties().containsKey("id")) {
                    inconsistent.add(name + " names what it made `id`: name the kind, e.g. `bidId`");
                }
            });
        });
        assertThat(inconsistent).isEmpty();
    }

    @Test
    void springsOwnRefusalsAreProblemDocumentsToo() throws Exception {
        BrowserSignIn browser = new BrowserSignIn(baseUrl);
        String email = "contract-" + UUID.randomUUID() + "@duet.test";
        browser.signUp(email, "a long enough password", "Robin", "PARTNER");
        String partner = browser.signIn(email, "a long enough password").accessToken();
        assertProblem(send("GET", "/api/queries/no-such-view", null, null), 401);
        assertProblem(send("GET", "/api/queries/no-such-view", partner, null), 404);
        assertProblem(send("GET", "/api/commands/couples", partner, null), 405);
        assertProblem(send("POST", "/api/commands/couples", partner, "{not json"), 400);
        assertProblem(send("POST", "/api/commands/couples", partner, "{}"), 400);
        HttpResponse<String> plainText = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/commands/couples"))
                .header("Authorization", "Bearer " + partner).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(plainText, 415);
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri().getPath()
                + " answered " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(PROBLEM_JSON));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    private static Schema<?> resolve(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            return document.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema;
    }

    private interface OperationVisitor {
        void visit(String name, String method, Operation operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        assertThat(document.getPaths()).isNotEmpty();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                visitor.visit(method + " " + path, method.name().toLowerCase(), operation)));
    }
}
