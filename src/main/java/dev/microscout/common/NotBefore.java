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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * The earliest date a field accepts (inclusive; a date-time from midnight UTC of that day). Without a lower
 * bound a year such as -290000 reaches PostgreSQL, which cannot store it, and answers 500. Null is valid.
 * Supports {@link LocalDate} and {@link OffsetDateTime}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBefore.Validator.class)
public @interface NotBefore {
    /** ISO-8601 date, e.g. 2000-01-01. */
    String value();

    String message() default "must not be before {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Posts, snapshots, incidents and reviews: nothing the catalogue measures is older than social media. */
    String CATALOGUE_HISTORY = "2000-01-01";

    class Validator implements ConstraintValidator<NotBefore, Temporal> {
        private LocalDate earliest;

        @Override
        public void initialize(NotBefore annotation) {
            earliest = LocalDate.parse(annotation.value());
        }

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value instanceof LocalDate date) {
                return !date.isBefore(earliest);
            }
            if (value instanceof OffsetDateTime time) {
                return !time.isBefore(earliest.atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            throw new IllegalArgumentException("@NotBefore supports LocalDate and OffsetDateTime, not " + value.getClass());
        }
    }
}
