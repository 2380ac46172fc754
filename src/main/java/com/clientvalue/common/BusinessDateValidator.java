package com.clientvalue.common;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/** Checks {@link BusinessDate}; an absent date is left to @NotNull. */
@Singleton
class BusinessDateValidator implements ConstraintValidator<BusinessDate, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, AnnotationValue<BusinessDate> annotation, ConstraintValidatorContext context) {
        return value == null || !(value.isBefore(BusinessDate.EARLIEST) || value.isAfter(BusinessDate.LATEST));
    }
}
