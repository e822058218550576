package app.duet.query.live;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/** A page of a view's list asked for out of bounds: 400, with the field at fault named as every bad input is. */
@RestControllerAdvice
class PageProblems {

    @ExceptionHandler(ViewPages.BadPageRequest.class)
    ProblemDetail badPage(ViewPages.BadPageRequest bad) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", bad.field(), "message", bad.getMessage()
                .substring(bad.field().length() + 1))));
        return problem;
    }
}
