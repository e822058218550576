package app.duet.api.privacy;

import app.duet.api.pairing.CoupleCreated;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the id whose couple owns a message's {@link PersonalData}: a couple's id, or a session's
 * id (sessions are linked to their couple when they start).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataOwner {

    /**
     * True only where the couple begins (CoupleCreated): its key is made there. Anywhere else a
     * missing key is an error, never a reason to make a new one that erasure would not reach.
     */
    boolean holdsKey() default false;
}
