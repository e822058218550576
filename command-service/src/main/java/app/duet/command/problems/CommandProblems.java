package app.duet.command.problems;

import app.duet.command.RuleViolation;
import app.duet.eventstore.privacy.CoupleErasedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
/**
 * Every rejected command becomes an RFC 9457 problem: a broken rule is 409 with its {@code rule};
 * bad input is answered by {@link app.duet.access.InputProblems}.
 */
@RestControllerAdvice
class CommandProblems {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleBroken(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setTitle("Not allowed now");
        problem.setType(URI.create("https://duet.app/problems/" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        return problem;
    }

    /** Only reached when the retries ran out: many writers fought over one session at once. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail tooBusy(ConcurrencyException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment. Nothing of yours was stored; please try again.");
        problem.setTitle("Changed concurrently");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    /** A command-side lookup refused a duplicate that slipped past the controller's check in a race. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException duplicate) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This was already done a moment ago; nothing more was stored.");
        problem.setTitle("Already done");
        problem.setProperty("rule", "duplicate");
        return problem;
    }

    @ExceptionHandler(CoupleErasedException.class)
    ProblemDetail erased(CoupleErasedException erased) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, erased.getMessage());
        problem.setTitle("Erased");
        problem.setProperty("rule", "couple-erased");
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no couple or session with id " + missing.getAggregateIdentifier() + ".");
        problem.setTitle("Not found");
        return problem;
    }
}
