package app.duet.access;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bad input, in every service alike: an RFC 9457 problem (400) whose {@code errors} name each
 * field at fault, for invalid values and for JSON that does not parse into the expected shape.
 */
@RestControllerAdvice
public class InputProblems extends ResponseEntityExceptionHandler {
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
        // A message written as a sentence of its own ("Please enter ...") is shown as it is; a library's
        // terse one ("must not be blank") needs its field to make sense.
        problem.setDetail(errors.stream().map(e -> startsAsASentence(e.get("message")) ? e.get("message")
                        : e.get("field") + " " + e.get("message"))
                .distinct().collect(Collectors.joining(startsAsASentence(errors) ? " " : "; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    private static boolean startsAsASentence(String message) {
        return !message.isEmpty() && Character.isUpperCase(message.charAt(0));
    }

    private static boolean startsAsASentence(List<Map<String, String>> errors) {
        return errors.stream().allMatch(e -> startsAsASentence(e.get("message")));
    }

    /** A path or query parameter of the wrong type (a page size that is no number): named like a field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = String.valueOf(mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : mismatch.getPropertyName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The value of " + field + " is not valid.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a valid value")));
        return handleExceptionInternal(mismatch, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        problem.setTitle("Unreadable request");
        if (unreadable.getCause() instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setDetail("The value of " + field + " is not valid.");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is not a valid value")));
        } else if (unreadable.getCause() instanceof StreamReadException stream && stream.processor() != null
                && stream.getMessage().startsWith("Duplicate")) {
            // Found while the parser stands on the second copy, before any path is known: the parser names it.
            String field = stream.processor().currentName();
            problem.setDetail(field + " is given twice; give it once.");
            problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message", "is given twice")));
        }
        return handleExceptionInternal(unreadable, problem, headers, status, request);
    }
}
