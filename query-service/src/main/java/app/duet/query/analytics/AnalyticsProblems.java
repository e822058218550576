package app.duet.query.analytics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.NoSuchElementException;

/** Analysts' requests that cannot be met, as problem documents: unknown (404), out of range (400), not yet possible (409). */
@RestControllerAdvice(assignableTypes = AnalyticsController.class)
class AnalyticsProblems {

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail unknown(NoSuchElementException unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail outOfRange(IllegalArgumentException wrong) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, wrong.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail notYet(IllegalStateException early) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, early.getMessage());
    }
}
