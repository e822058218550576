package app.duet.command.idempotency;

import app.duet.access.Actor;
import app.duet.access.StoreUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A command sent again with the same {@code Idempotency-Key} (after its answer was lost) is not done
 * twice: the retry gets the first answer, status and body, from the event store's database. Keys
 * belong to the account that sent them and are kept for {@code duet.idempotency.retention}.
 *
 * <p>A request first claims its key in a short transaction of its own, so a second request with the
 * key, on any instance, sees it at once and is answered 409 while the first runs. A claim expires
 * after {@code duet.idempotency.claim-timeout}, so a request that died cannot block its key for good;
 * a late holder whose claim was taken over cannot store anything, because its command's transaction
 * checks the claim (see {@link KeyWithTheEvents}). Only 2xx answers are remembered: a request that
 * fails frees its key, unless its command was already stored.
 *
 * <p>Runs after Spring Security (the account is the token's subject) and its request limits.
 */
@Component
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final KeyRecords records;
    private final ObjectMapper json;
    private final Duration retention;
    private final Duration claimTimeout;

    IdempotencyKeys(KeyRecords records, ObjectMapper json,
                    @Value("${duet.idempotency.retention:24h}") Duration retention,
                    @Value("${duet.idempotency.claim-timeout:30s}") Duration claimTimeout) {
        this.records = records;
        this.json = json;
        this.retention = retention;
        this.claimTimeout = claimTimeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/commands/")
                || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** Reading and writing keys happens outside Spring MVC: a database away is answered 503 here too. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            withKey(request, response, chain);
        } catch (RuntimeException failure) {
            if (!StoreUnavailable.answered(json, request, response, failure)) {
                throw failure;
            }
        }
    }

    private void withKey(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null || !(person.getPrincipal() instanceof Jwt)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || !PRINTABLE.matcher(key).matches()) {
            invalidKey(request, response);
            return;
        }
        CachedBody cached = CachedBody.of(request);
        String hash = hash(request, cached.body());
        Claim claim = new Claim(Actor.of(person).id(), key, UUID.randomUUID().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now();
            if (records.claim(claim, hash, now, now.plus(claimTimeout))) {
                run(claim, cached, response, chain);
                return;
            }
            KeyRecords.Row seen = records.find(claim.account(), key).orElse(null);
            if (seen == null) {
                continue; // freed between our insert and our read: claim it again
            }
            boolean forgotten = seen.createdAt().isBefore(now.minus(retention));
            boolean abandoned = KeyRecords.CLAIMED.equals(seen.state()) && seen.claimedUntil().isBefore(now);
            if (forgotten || abandoned) {
                if (records.takeOver(claim, seen.claimId(), hash, now, now.plus(claimTimeout), now.minus(retention))) {
                    run(claim, cached, response, chain);
                    return;
                }
                continue;
            }
            answerFromRecord(seen, hash, now, request, response);
            return;
        }
        inFlight(request, response);
    }

    /** What a key already in use answers: the first answer, or why there is none. */
    private void answerFromRecord(KeyRecords.Row seen, String hash, Instant now, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        if (!seen.requestHash().equals(hash)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new action.");
        } else if (KeyRecords.ANSWERED.equals(seen.state())) {
            response.setStatus(seen.status());
            if (seen.contentType() != null) {
                response.setContentType(seen.contentType());
            }
            response.setHeader("Idempotency-Replayed", "true");
            response.getOutputStream().write(seen.body() == null ? new byte[0] : seen.body());
        } else if (KeyRecords.COMMITTED.equals(seen.state()) && seen.claimedUntil().isBefore(now)) {
            // Stored with its events, but the service stopped before its answer was: rare, and final.
            problem(request, response, HttpStatus.CONFLICT, "Done, answer lost", "idempotency-key-answer-lost",
                    "This request was done and will not be done again, but its answer was lost when the service stopped.");
        } else {
            inFlight(request, response);
        }
    }

    private void run(Claim claim, CachedBody request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(KeyWithTheEvents.CLAIM_ATTRIBUTE, claim);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, answer);
            completed = true;
        } finally {
            // Before the answer leaves: once the client has it, a retry finds it.
            remember(claim, answer, completed);
            answer.copyBodyToResponse();
        }
    }

    private void remember(Claim claim, ContentCachingResponseWrapper answer, boolean completed) {
        try {
            if (completed && answer.getStatus() / 100 == 2) {
                records.answer(claim, answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray());
            } else {
                records.release(claim);
            }
        } catch (DataAccessException unwritten) {
            // The answer still goes out; a retry then waits for the claim to expire.
            log.warn("Could not record the outcome of an idempotent request: {}", unwritten.getMessage());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void inFlight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        problem(request, response, HttpStatus.CONFLICT, "Still running", "idempotency-key-in-flight",
                "A request with this Idempotency-Key is still running; ask again in a moment for its answer.");
    }

    private void invalidKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = "must be 1 to 200 printable ASCII characters";
        Map<String, Object> problem = base(request, HttpStatus.BAD_REQUEST, "Invalid input", HEADER + " " + message);
        problem.put("errors", List.of(Map.of("field", HEADER, "message", message)));
        write(response, HttpStatus.BAD_REQUEST, problem);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                         String rule, String detail) throws IOException {
        Map<String, Object> problem = base(request, status, title, detail);
        problem.put("type", "https://duet.app/problems/" + rule);
        problem.put("rule", rule);
        write(response, status, problem);
    }

    /** The fields of Spring's ProblemDetail, written by hand: this filter runs outside Spring MVC. */
    private static Map<String, Object> base(HttpServletRequest request, HttpStatus status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
