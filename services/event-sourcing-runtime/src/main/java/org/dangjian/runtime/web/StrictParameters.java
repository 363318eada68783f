package org.dangjian.runtime.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and path parameters are read as written, or refused (400 {@code INVALID_PARAMETER}): integers in decimal
 * digits only ({@code 0x10}, {@code #10}, {@code 1e3}, {@code +5}, {@code 010} are refused, where Spring's default
 * editors would read hex and octal), booleans as {@code true} or {@code false} only (not {@code yes}, {@code on},
 * {@code 1}, {@code TRUE}). Registered as editors of every binder: a custom editor is the one Spring asks first, and
 * its refusal is final (a failed conversion would fall back to the lenient default editors).
 *
 * <p>Enum parameters are read as a constant's exact name ({@code " BRANCH"}, {@code "branch"}, {@code "1"} are
 * refused, where Spring's default would trim them); an enum type is registered by the controller that takes it, in
 * an {@code @InitBinder} method calling {@link #exactEnum}, since a binder does not say which types it will be asked
 * for.
 */
@ControllerAdvice
public final class StrictParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    @InitBinder
    void strictParameters(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict(StrictParameters::longValue, true));
        binder.registerCustomEditor(long.class, new Strict(StrictParameters::longValue, false));
        binder.registerCustomEditor(Integer.class, new Strict(text -> Math.toIntExact(longValue(text)), true));
        binder.registerCustomEditor(int.class, new Strict(text -> Math.toIntExact(longValue(text)), false));
        binder.registerCustomEditor(Boolean.class, new Strict(StrictParameters::booleanValue, true));
        binder.registerCustomEditor(boolean.class, new Strict(StrictParameters::booleanValue, false));
    }

    /** Makes {@code binder} read parameters of the enum {@code type} by exact constant name only (empty: absent). */
    public static <E extends Enum<E>> void exactEnum(WebDataBinder binder, Class<E> type) {
        binder.registerCustomEditor(type, new Strict(text -> enumValue(type, text), true));
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + text);
    }

    static Long longValue(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer: " + text);
        }
        return Long.parseLong(text);
    }

    static Boolean booleanValue(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false: " + text);
        };
    }

    private static final class Strict extends PropertyEditorSupport {
        private final Function<String, Object> parse;
        private final boolean allowEmpty;

        Strict(Function<String, Object> parse, boolean allowEmpty) {
            this.parse = parse;
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                if (!allowEmpty) {
                    throw new IllegalArgumentException("a value is required");
                }
                setValue(null);
                return;
            }
            try {
                setValue(parse.apply(text));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("out of range: " + text, e);
            }
        }
    }
}
