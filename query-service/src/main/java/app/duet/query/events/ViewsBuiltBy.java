package app.duet.query.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The views an endpoint reads, named by the processing group that builds them (or a name given to
 * {@link CatchingUp#servedBy}): while that processor catches up, the endpoint answers 503 with
 * {@code Retry-After} instead of a view older than what its reader was already shown.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ViewsBuiltBy {

    String[] value();
}
