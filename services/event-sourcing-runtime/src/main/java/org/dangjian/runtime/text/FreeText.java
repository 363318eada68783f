package org.dangjian.runtime.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A free text (说明: a reason, a remark) as {@link TextRules} defines it: line feeds allowed, at most {@link #max()} code
 * points; {@code null} passes.
 */
@Documented
@Constraint(validatedBy = TextValidators.FreeTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    int max();

    String message() default "{org.dangjian.runtime.text.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
