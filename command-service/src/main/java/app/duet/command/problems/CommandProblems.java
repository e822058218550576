package app.duet.command.problems;

import app.duet.access.NotYours;
import app.duet.command.RuleViolation;
import app.duet.command.idempotency.ClaimLost;
import app.duet.eventstore.privacy.CoupleErasedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rejected command becomes an RFC 9457 problem: a broken rule is 409 with its {@code rule}
 * (and, for a rule about one field, {@code errors} naming it), except that a couple or session that
 * is not the caller's, or does not exist, is one and the same 403;
 * bad input is answered by {@link app.duet.access.InputProblems}.
 */
@RestControllerAdvice
class CommandProblems {

    /** Rules that say the caller is not one of the couple (or not its consented therapist): answered as {@link NotYours}. */
    private static final Set<String> NOT_THEIRS = Set.of("not-a-partner", "not-observing", "not-a-party", "not-consented");

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleBroken(RuleViolation violation) {
        if (NOT_THEIRS.contains(violation.rule())) {
            return notYours();
        }
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not allowed now", violation.rule(), violation.getMessage());
        problem.setType(URI.create("https://duet.app/problems/" + violation.rule()));
        if (violation.field() != null) {
            // Shaped as bad input's errors are, so a screen marks the field the same way.
            problem.setProperty("errors", List.of(Map.of("field", violation.field(), "message", violation.getMessage())));
        }
        return problem;
    }

    /** Only reached when the retries ran out: many writers fought over one session at once. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail tooBusy(ConcurrencyException conflict) {
        return problem(HttpStatus.CONFLICT, "Changed concurrently", "concurrent-change",
                "Someone else changed this at the same moment. Nothing of yours was stored; please try again.");
    }

    /** A command-side lookup refused a duplicate that slipped past a handler's check in a race. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException duplicate) {
        return problem(HttpStatus.CONFLICT, "Already done", "duplicate",
                "This was already done a moment ago; nothing more was stored.");
    }

    /** A request outlived its claim on its Idempotency-Key and another took it: that one does the command. */
    @ExceptionHandler(ClaimLost.class)
    ProblemDetail keyTakenOver(ClaimLost lost) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Still running", "idempotency-key-in-flight", lost.getMessage());
        problem.setType(URI.create("https://duet.app/problems/idempotency-key-in-flight"));
        return problem;
    }

    @ExceptionHandler(CoupleErasedException.class)
    ProblemDetail erased(CoupleErasedException erased) {
        return problem(HttpStatus.GONE, "Erased", "couple-erased", erased.getMessage());
    }

    /** A couple or session that does not exist is answered as one that is not the caller's: ids cannot be probed. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        return notYours();
    }

    private static ProblemDetail notYours() {
        return problem(HttpStatus.FORBIDDEN, NotYours.TITLE, null, NotYours.DETAIL);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }
}
