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
import java.time.ZoneOffset;

/**
 * A calendar date that has begun somewhere on Earth: not after today in UTC+14, the earliest time zone.
 * A date is sent in the client's own zone, so a check against the server's (or UTC's) today would refuse
 * a Jakarta brand's review written on its own today in the hours before UTC midnight. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotInFuture.Validator.class)
public @interface NotInFuture {
    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotInFuture, LocalDate> {
        /** UTC+14 (Kiribati's Line Islands): the zone whose today begins first. */
        private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(LocalDate.now(EARLIEST_ZONE));
        }
    }
}
