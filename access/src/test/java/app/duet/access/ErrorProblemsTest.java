package app.duet.access;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure nothing else handled is still a problem document, and tells nothing of what failed. */
@SpringBootTest(classes = ErrorProblemsTest.Failing.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorProblemsTest {

    @LocalServerPort
    int port;

    @Test
    void anUnexpectedFailureIsAProblemDocumentThatLeaksNothing() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/commands/fails")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("title").asString()).isEqualTo("Internal Server Error");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/commands/fails");
        assertThat(response.body()).doesNotContain("Alex's secret", "IllegalStateException", "trace");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({InputProblems.class, ErrorProblems.class, Failing.Fails.class})
    static class Failing {

        @RestController
        static class Fails {
            @GetMapping("/api/commands/fails")
            String fail() {
                throw new IllegalStateException("Alex's secret words that must not reach the answer");
            }
        }

        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).csrf(csrf -> csrf.disable()).build();
        }
    }
}
