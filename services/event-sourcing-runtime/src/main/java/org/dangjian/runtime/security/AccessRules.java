package org.dangjian.runtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Every endpoint of a service declares who may call it, with {@code @PreAuthorize}: {@code hasRole('X')},
 * {@code hasAnyRole('X', 'Y')} or {@link Roles#SIGNED_IN}. The OpenAPI document states the rule of each operation as
 * {@code x-dangjian-access}: the list of roles, or {@code ["SIGNED_IN"]}. An endpoint without a rule has no
 * {@code x-dangjian-access}, and the conformance kit's access matrix fails the build for it; the matrix then calls
 * every operation with every role and checks the rule is what the service does.
 */
public final class AccessRules implements OperationCustomizer {

    public static final String EXTENSION = "x-dangjian-access";
    public static final String SIGNED_IN = "SIGNED_IN";

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final Pattern ROLE_RULE = Pattern.compile(
            "(hasRole\\('[A-Z_]+'\\)|hasAnyRole\\('[A-Z_]+'(,'[A-Z_]+')*\\))(or(hasRole\\('[A-Z_]+'\\)|hasAnyRole\\('[A-Z_]+'(,'[A-Z_]+')*\\)))*");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        List<String> access = rule == null ? null : roles(rule.value());
        if (access != null) {
            operation.addExtension(EXTENSION, access);
        }
        return operation;
    }

    /** The roles an expression allows, or null when it is none of the forms above. */
    static List<String> roles(String expression) {
        String rule = expression.replace(" ", "");
        if (rule.equals(Roles.SIGNED_IN)) {
            return List.of(SIGNED_IN);
        }
        if (!ROLE_RULE.matcher(rule).matches()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(rule);
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return List.copyOf(roles);
    }
}
