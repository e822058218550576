package app.duet.access;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Metrics say how Duet is used (how many commands, sessions, sockets, and when): they are for its
 * operators. {@code /actuator/prometheus} and {@code /actuator/metrics} answer the machine itself
 * (a loopback address), or a scraper that shows the metrics token ({@code DUET_METRICS_TOKEN}, sent as
 * {@code Authorization: Bearer …}); anyone else gets 403. Health stays open for probes.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsAccess {

    /**
     * Spring Security would time every filter and sign-in of every request: 5% of the product's CPU
     * under the live bench, read by no dashboard. Duet's own request and command timers stay.
     */
    @Bean
    ObservationPredicate noSpringSecurityTimers() {
        return (name, context) -> !name.startsWith("spring.security.");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsForOperators(@Value("${duet.metrics.token:}") String token) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(token));
        registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*", "/actuator/metrics", "/actuator/metrics/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("metricsForOperators");
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private final byte[] token;

        Guard(String token) {
            this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (fromThisMachine(request) || showsToken(request)) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Not allowed\",\"status\":403,"
                    + "\"detail\":\"Metrics are for Duet's operators: ask from the machine itself, or with the metrics token.\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        private boolean showsToken(HttpServletRequest request) {
            String shown = request.getHeader("Authorization");
            return token != null && shown != null && MessageDigest.isEqual(token, shown.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Loopback, and not relayed: a proxy on the same machine that passes requests on without being
         * named a trusted one makes every request look local, but it says so in a forwarding header.
         */
        private static boolean fromThisMachine(HttpServletRequest request) {
            if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                    || request.getHeader("X-Real-IP") != null) {
                return false;
            }
            try {
                return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
            } catch (UnknownHostException unreadable) {
                return false;
            }
        }
    }
}
