package app.duet.access;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * What one request may send: a body larger than {@code maxBodyBytes}, or one whose length is not
 * declared, is refused (413, a problem) before it is read. How often a person or a source may send
 * is {@link app.duet.access.limits.RateLimitFilter}'s.
 */
public final class RequestLimits extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    private RequestLimits(ObjectMapper json, long maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static OncePerRequestFilter bodiesUpTo(ObjectMapper json, long maxBodyBytes) {
        return new RequestLimits(json, maxBodyBytes);
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
        chain.doFilter(request, response);
    }
}
