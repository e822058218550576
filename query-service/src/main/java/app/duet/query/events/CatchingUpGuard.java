package app.duet.query.events;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.util.Arrays;

/** Answers 503 for an endpoint whose views ({@link ViewsBuiltBy}) are catching up: not a 404, not a step back. */
@Component
class CatchingUpGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String RULE = "views-catching-up";

    private final CatchingUp catchingUp;

    CatchingUpGuard(CatchingUp catchingUp) {
        this.catchingUp = catchingUp;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/queries/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ViewsBuiltBy views = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ViewsBuiltBy.class);
            if (views == null) {
                views = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ViewsBuiltBy.class);
            }
            if (views != null && Arrays.stream(views.value()).anyMatch(catchingUp::isCatchingUp)) {
                throw catchingUp();
            }
        }
        return true;
    }

    private ErrorResponseException catchingUp() {
        long seconds = Math.max(1, catchingUp.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Duet is bringing these views up to date with everything that happened (after a start or a rebuild). "
                        + "Nothing is lost; ask again in " + seconds + " s.");
        problem.setTitle("Catching up");
        problem.setType(URI.create("https://duet.app/problems/" + RULE));
        problem.setProperty("rule", RULE);
        problem.setProperty("retryAfterSeconds", seconds);
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return unavailable;
    }
}
