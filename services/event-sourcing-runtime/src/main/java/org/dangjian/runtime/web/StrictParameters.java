package org.dangjian.runtime.web;

import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters are read as written, or refused (400 {@code INVALID_PARAMETER}): integers in decimal
 * digits only ({@code 0x10}, {@code 1e3}, {@code +5}, {@code 010} with a leading zero are refused, where Spring would
 * read hex and octal), booleans as {@code true} or {@code false} only (not {@code yes}, {@code on}, {@code 1}).
 */
public final class StrictParameters implements WebMvcConfigurer {

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, (Converter<String, Long>) StrictParameters::longValue);
        registry.addConverter(String.class, Integer.class, (Converter<String, Integer>) text -> Math.toIntExact(longValue(text)));
        registry.addConverter(String.class, Boolean.class, (Converter<String, Boolean>) StrictParameters::booleanValue);
    }

    static Long longValue(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer: " + text);
        }
        return Long.parseLong(text);
    }

    static Boolean booleanValue(String text) {
        return switch (text) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false: " + text);
        };
    }
}
