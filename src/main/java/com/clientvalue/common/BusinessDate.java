package com.clientvalue.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date a business record can carry: from 1900-01-01 to 2999-12-31, like the dates of the
 * imports. Years such as 0001 or 9999 are typing slips or probes, never decision dates.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Constraint(validatedBy = {})
public @interface BusinessDate {
    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2999, 12, 31);

    String message() default "must be a date from 1900-01-01 to 2999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
