package app.duet.identity.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A password Duet keeps: long enough, short enough for its hash to cover all of it, and not one
 * that people guess first. Each refusal says, in a person's words, what to change ({@link PasswordRules}).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordRules.class)
public @interface AcceptablePassword {

    String message() default "Please choose another password.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
