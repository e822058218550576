package app.duet.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks free text a person wrote or gave (a name, a bid's words, a note). It is stored encrypted
 * with its couple's key, so erasing the couple's key makes it unreadable everywhere, forever.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
