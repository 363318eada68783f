package org.dangjian.runtime.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** The validators of {@link Name} and {@link FreeText}: one message per refusal, naming the character refused. */
final class TextValidators {

    private TextValidators() {
    }

    static boolean valid(String text, TextRules.Kind kind, int max, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        String key;
        TextRules.Refusal refusal = null;
        if (TextRules.length(text) > max) {
            key = "tooLong";
        } else {
            refusal = TextRules.check(text, kind);
            if (refusal == null) {
                return true;
            }
            key = refusal.reason();
        }
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        hibernate.addMessageParameter("max", max)
                .addMessageParameter("codePoint", refusal == null ? "" : refusal.codePointLabel())
                .addMessageParameter("position", refusal == null ? 0 : refusal.position() + 1)
                .buildConstraintViolationWithTemplate("{org.dangjian.runtime.text." + key + "}")
                .addConstraintViolation();
        return false;
    }

    static final class NameValidator implements ConstraintValidator<Name, String> {
        private int max;

        @Override
        public void initialize(Name annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return valid(value, TextRules.Kind.NAME, max, context);
        }
    }

    static final class FreeTextValidator implements ConstraintValidator<FreeText, String> {
        private int max;

        @Override
        public void initialize(FreeText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return valid(value, TextRules.Kind.FREE_TEXT, max, context);
        }
    }
}
