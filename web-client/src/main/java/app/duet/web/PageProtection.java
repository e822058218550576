package app.duet.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page and its files are served with a strict Content-Security-Policy: scripts, styles, images,
 * fonts and connections from Duet's own origin only (and its WebSocket), the one inline script being
 * the import map, allowed by its hash; the heart-beat worker from a {@code blob:} URL; never framed.
 * Also nosniff, no referrer, and HSTS when served over TLS. Every request is let through: who may do
 * what is decided by the services. In standalone this is the chain for everything no other chain
 * claims, so Swagger UI's files (which need inline styles) get a policy of their own here.
 * Spring Security adds HSTS on requests that came over TLS, and nosniff everywhere.
 */
@Configuration(proxyBeanMethods = false)
class PageProtection {

    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    /** Swagger UI styles itself inline and shows data: images; it runs no inline script. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain thePage(HttpSecurity http) throws Exception {
        String hash = importMapHash();
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .headers(headers -> headers
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                isSwaggerUi(request) ? SWAGGER_POLICY : pagePolicy(hash, webSocketOrigin(request))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // The page's files are the same for everyone and change only with a release: the browser
                        // may keep them and ask again by their Last-Modified, instead of fetching every module anew.
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frames -> frames.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }

    /**
     * The page's policy. Today's browsers let {@code 'self'} in connect-src cover the page's own
     * ws:/wss: origin (CSP Level 3); it is named as well for those that do not.
     */
    static String pagePolicy(String importMapHash, String webSocketOrigin) {
        return "default-src 'self'; script-src 'self' '" + importMapHash + "'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + webSocketOrigin + "; worker-src 'self' blob:; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'self'; object-src 'none'; manifest-src 'self'";
    }

    /** The origin the page opens its WebSocket at: its own, as the browser reached it (a trusted proxy's word included). */
    static String webSocketOrigin(HttpServletRequest request) {
        String scheme = request.isSecure() ? "wss" : "ws";
        int port = request.getServerPort();
        boolean usual = port == (request.isSecure() ? 443 : 80);
        String host = request.getServerName().contains(":") ? "[" + request.getServerName() + "]" : request.getServerName();
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    /** The import map, read from the page as served, so the hash follows any change to it. */
    static String importMapHash() {
        try {
            String html = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
            Matcher map = IMPORT_MAP.matcher(html);
            if (!map.find()) {
                throw new IllegalStateException("index.html has no import map");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isSwaggerUi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/swagger-ui/");
    }
}
