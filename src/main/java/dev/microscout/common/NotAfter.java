package dev.microscout.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The latest date a field accepts (inclusive), for dates that may lie ahead, such as a campaign's: without an upper
 * bound a year such as 10000 reaches PostgreSQL, which cannot compare or store all of them as given. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotAfter.Validator.class)
public @interface NotAfter {
    /** ISO-8601 date, e.g. 2100-12-31. */
    String value();

    String message() default "must not be after {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Plans reach this far at most. */
    String PLANNING_HORIZON = "2100-12-31";

    class Validator implements ConstraintValidator<NotAfter, LocalDate> {
        private LocalDate latest;

        @Override
        public void initialize(NotAfter annotation) {
            latest = LocalDate.parse(annotation.value());
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(latest);
        }
    }
}
