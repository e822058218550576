package app.duet.command.problems;

import app.duet.command.RuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rejected command becomes an RFC 9457 problem: a broken rule is 409 with its {@code rule},
 * bad input is 400 with the {@code errors} that name each field at fault.
 */
@RestControllerAdvice
class CommandProblems extends ResponseEntityExceptionHandler {

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

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no couple or session with id " + missing.getAggregateIdentifier() + ".");
        problem.setTitle("Not found");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = invalid.getBody();
        problem.setTitle("Invalid input");
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setDetail(errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        problem.setTitle("Unreadable request");
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setDetail("The value of " + field + " is not valid.");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a valid value")));
        }
        return handleExceptionInternal(unreadable, problem, headers, status, request);
    }
}
