package app.duet.access;

import tools.jackson.databind.ObjectMapper;
import app.duet.access.limits.Limits;
import app.duet.access.limits.LimitsConfiguration;
import app.duet.access.limits.Rate;
import app.duet.access.limits.RateLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.List;

/**
 * Commands and queries are for signed-in people only: every request under /api/commands and
 * /api/queries must carry a valid signed bearer token (JWT). Roles come from the token's
 * {@code roles} claim (configurable, so another OIDC provider can stand in). No sessions, no
 * cookies, hence no CSRF. Bodies are capped ({@link RequestLimits}) and commands rate-limited per
 * account, across every instance ({@link RateLimitFilter}). What each role may do is decided beside
 * each command and query.
 */
@Configuration(proxyBeanMethods = false)
@Import({TokenChecks.class, LimitsConfiguration.class})
public class ResourceServerSecurity implements WebMvcConfigurer {

    @Bean
    @Order(10)
    SecurityFilterChain commandsAndQueries(HttpSecurity http, ObjectMapper json, JwtAuthenticationConverter actors, Limits limits,
                                          @Value("${duet.access.max-body-bytes:65536}") long maxBodyBytes,
                                          @Value("${duet.access.commands-per-second:30}") long perSecond,
                                          @Value("${duet.access.command-burst:60}") long burst) throws Exception {
        // A burst of `burst` commands, refilled at `perSecond`: the bucket holds `burst`, refilled over burst/perSecond.
        Rate commands = new Rate(burst, Duration.ofMillis(Math.max(1, burst * 1000 / perSecond)));
        http.securityMatcher("/api/commands/**", "/api/queries/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/commands/openapi/**", "/api/commands/docs/**",
                                "/api/queries/openapi/**", "/api/queries/docs/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(json)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(RequestLimits.bodiesUpTo(json, maxBodyBytes), AuthorizationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits, json, commands, ResourceServerSecurity::isCommand,
                        request -> request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
                        new RateLimitFilter.Words("too-many-commands", "Too many commands", seconds ->
                                "You are sending changes faster than Duet takes them (" + perSecond
                                        + " a second). Please wait " + seconds + " s, then try again.")),
                        AuthorizationFilter.class);
        return http.build();
    }

    private static boolean isCommand(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getServletPath().startsWith("/api/commands/")
                && !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    @Bean
    JwtAuthenticationConverter actorsFromTokens(@Value("${duet.access.roles-claim:roles}") String rolesClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(rolesClaim);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
    }
}
