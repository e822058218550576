package app.duet.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API document as a contract: Duet's name and version, how to get and send a token (the
 * issuer's authorization code flow with PKCE, then a bearer JWT on every call), and every error an
 * operation can answer, each a problem document (RFC 9457) of one schema.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
public class ApiDocument {

    static final String BEARER = "bearer";
    static final String ISSUER = "issuer";
    static final String PROBLEM = "Problem";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI duetApiDocument(@Value("${duet.api.version:#{null}}") String configuredVersion) {
        String version = configuredVersion != null ? configuredVersion : buildVersion();
        return new OpenAPI()
                .info(new Info().title("Duet API").version(version)
                        .description("Guided relationship exercises for two partners, live, with their therapist "
                                + "watching. Commands under /api/commands, views under /api/queries, live pushes over "
                                + "STOMP at /ws (see docs/STOMP.md). Every error is a problem document (RFC 9457); a "
                                + "refused command names the rule it broke in `rule`."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token from the issuer, sent as "
                                        + "`Authorization: Bearer ...`; it lives 10 minutes."))
                        .addSecuritySchemes(ISSUER, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Duet's issuer: the authorization code flow with PKCE (S256) for the page "
                                        + "(client `duet-web`, public), with rotating refresh tokens.")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl("/oauth2/authorize").tokenUrl("/oauth2/token")
                                        .refreshUrl("/oauth2/token")
                                        .scopes(new Scopes().addString("openid", "Who you are")
                                                .addString("profile", "Your display name")))))
                        .addSchemas(PROBLEM, problemSchema())
                        .addParameters(IDEMPOTENCY_KEY, idempotencyKey()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(ISSUER, List.of("openid", "profile")));
    }

    /** Every operation lists the problems it can answer, by what it takes and does. */
    @Bean
    GlobalOperationCustomizer duetErrorResponses() {
        return (operation, handler) -> {
            declareErrors(operation, handler);
            return operation;
        };
    }

    /**
     * Where one document covers both services (standalone), a feature's command and query
     * controllers share a tag name: one tag each, with both descriptions.
     */
    @Bean
    GlobalOpenApiCustomizer duetTagsOncePerName() {
        return document -> {
            if (document.getTags() == null) {
                return;
            }
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : document.getTags()) {
                byName.merge(tag.getName(), tag, (first, second) -> first.description(
                        Stream.of(first.getDescription(), second.getDescription())
                                .filter(Objects::nonNull).distinct()
                                .collect(Collectors.joining(". "))));
            }
            document.setTags(new ArrayList<>(byName.values()));
        };
    }

    static void declareErrors(Operation operation, HandlerMethod handler) {
        boolean command = path(handler).startsWith("/api/commands") && isWrite(handler);
        String keyRef = "#/components/parameters/" + IDEMPOTENCY_KEY;
        if (command && (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(parameter -> keyRef.equals(parameter.get$ref())))) {
            operation.addParametersItem(new Parameter().$ref(keyRef));
        }
        boolean hasBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() != null ? operation.getParameters() : List.of();
        boolean hasPath = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        Map<String, String> errors = new LinkedHashMap<>();
        if (hasBody || !parameters.isEmpty()) {
            errors.put("400", "Invalid input: `errors` names each field at fault.");
        }
        errors.put("401", "No valid access token.");
        errors.put("403", "The token's holder may not do this (not a partner of this couple, no consent, wrong role).");
        if (hasPath) {
            errors.put("404", "Nothing of that id is visible to you.");
        }
        if (command) {
            errors.put("409", "A rule of the model refused the command; `rule` names it (e.g. `reveal-before-both-answered`, "
                    + "`entry-stays-own`, `session-paused`, `bid-already-answered`, `not-a-partner`), or a request with "
                    + "the same `Idempotency-Key` is still running (`idempotency-key-in-flight`; `Retry-After` says when "
                    + "to ask again).");
        }
        if (command && hasPath) {
            errors.put("410", "The couple was erased: nothing more is written about it (`rule`: `couple-erased`).");
        }
        if (hasBody) {
            errors.put("413", "The request body is over 64 KiB.");
        }
        if (command) {
            errors.put("422", "The `Idempotency-Key` was used before for a different request (`rule`: "
                    + "`idempotency-key-reused`): a new action needs a new key.");
            errors.put("429", "Over 30 commands a second for this account; `Retry-After` says when to try again.");
        }
        errors.put("500", "Something failed on our side; nothing you sent was half-applied.");
        boolean query = path(handler).startsWith("/api/queries") && !isWrite(handler);
        errors.put("503", query
                ? "The views are catching up with the events after a start or a rebuild (`rule`: `views-catching-up`), "
                        + "or the database cannot be reached for a moment; `Retry-After` says when to ask again."
                : "The database cannot be reached for a moment, so this was not done; `Retry-After` says when "
                        + "to try again.");
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        errors.forEach((status, description) -> responses.computeIfAbsent(status, s -> new ApiResponse())
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(
                        new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        operation.setResponses(responses);
    }

    private static String path(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        return type != null && type.path().length > 0 ? type.path()[0] : "";
    }

    private static boolean isWrite(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method())
                .map(RequestMethod::asHttpMethod)
                .anyMatch(method -> method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS);
    }

    /** Optional on every command: a retry with the same key gets the first answer and is not done twice. */
    private static Parameter idempotencyKey() {
        return new Parameter().in("header").name("Idempotency-Key").required(false)
                .description("A fresh value (a random UUID) per action, sent again unchanged when the action is "
                        + "retried after a lost answer: the retry gets the first answer (status and body, with "
                        + "`Idempotency-Replayed: true`) and nothing is done twice. Keys belong to the account and are "
                        + "kept 24 hours; only successful answers are kept, so a refused or failed request frees its key.")
                .schema(new StringSchema().minLength(1).maxLength(200).pattern("^[\\x20-\\x7E]+$")
                        .example("6f1c2a9e-8d0b-4c55-9a57-3e2f1b7d4c10"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("A problem document (RFC 9457), the answer to every error.")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem").example("about:blank"))
                .addProperty("title", new StringSchema().description("Short, the same for every problem of this kind"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, in words"))
                .addProperty("instance", new StringSchema().description("The path that was asked for"))
                .addProperty("rule", new StringSchema().description("For 409 and 422: the rule that refused the command")
                        .example("reveal-before-both-answered"))
                .addProperty("errors", new ArraySchema().description("For 400: each field at fault")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema().example("words"))
                                .addProperty("message", new StringSchema().example("must not be blank"))))
                .addRequiredItem("status").addRequiredItem("title");
    }

    private static String buildVersion() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("/META-INF/duet/build.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return build.getProperty("version", "development");
        } catch (IOException unreadable) {
            return "development";
        }
    }
}
