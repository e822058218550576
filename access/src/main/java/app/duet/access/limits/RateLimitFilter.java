package app.duet.access.limits;

import app.duet.access.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One limit on requests: those it {@code applies} to take one from the bucket of whoever sends them
 * ({@code sender}: an account, or a source address), and past the rate are answered 429 with
 * Retry-After and a problem in Duet's words (rule {@code rule}). A request with no sender, or sent
 * while the store cannot be reached, goes on: what it asks for needs that store too and will say so.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    /** The words of one refusal: a title, and the detail given the seconds to wait. */
    public record Words(String rule, String title, Function<Long, String> detail) {
    }

    private final Limits limits;
    private final ObjectMapper json;
    private final Rate rate;
    private final Predicate<HttpServletRequest> applies;
    private final Function<HttpServletRequest, String> sender;
    private final Words words;

    public RateLimitFilter(Limits limits, ObjectMapper json, Rate rate, Predicate<HttpServletRequest> applies,
                           Function<HttpServletRequest, String> sender, Words words) {
        this.limits = limits;
        this.json = json;
        this.rate = rate;
        this.applies = applies;
        this.sender = sender;
        this.words = words;
    }

    /**
     * The source a request came from: the proxy's X-Forwarded-For only where the proxy is trusted
     * (Tomcat's remoteip). An IPv6 address counts by its /64, the block one subscriber is given: one
     * person holds billions of addresses in it, and each must not be a source of its own.
     */
    public static String source(HttpServletRequest request) {
        return sourceOf(request.getRemoteAddr());
    }

    static String sourceOf(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException notAnAddress) {
            return address;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String who = applies.test(request) ? sender.apply(request) : null;
        Verdict verdict = who == null ? Verdict.ALLOWED : take(who);
        if (!verdict.allowed()) {
            long seconds = verdict.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(json, response, HttpStatus.TOO_MANY_REQUESTS, words.title(), words.rule(),
                    words.detail().apply(seconds), Map.of("retryAfterSeconds", seconds));
            return;
        }
        chain.doFilter(request, response);
    }

    private Verdict take(String who) {
        try {
            return limits.take(words.rule() + ":" + who, rate);
        } catch (RuntimeException storeAway) {
            log.warn("The {} limit is not checked while its store is away: {}", words.rule(), storeAway.getMessage());
            return Verdict.ALLOWED;
        }
    }
}
