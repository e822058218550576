package app.duet.access;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits on what one request, and one person, may send: a body larger than {@code maxBodyBytes} is
 * refused (413) before it is read, and each account may send commands at {@code perSecond} with
 * bursts up to {@code burst} (a token bucket per account; 429 beyond). Both answers are problems.
 */
public final class RequestLimits extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestLimits(ObjectMapper json, long maxBodyBytes, double perSecond, double burst, Clock clock) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null)) {
            ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "A request body may be at most " + maxBodyBytes + " bytes, with its length declared.");
            return;
        }
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (isWrite(request.getMethod()) && request.getServletPath().startsWith("/api/commands/")
                && person != null && !take(person.getName())) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many commands",
                    "You are sending commands faster than " + (int) perSecond + " a second; wait a moment.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWrite(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** Only the body-size check, for services whose endpoints are not commands (the issuer). */
    public static OncePerRequestFilter bodiesUpTo(ObjectMapper json, long maxBodyBytes) {
        return new RequestLimits(json, maxBodyBytes, Double.MAX_VALUE, Double.MAX_VALUE, Clock.systemUTC());
    }

    private boolean take(String account) {
        Bucket bucket = buckets.computeIfAbsent(account, a -> new Bucket(burst, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perSecond / 1000.0);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
