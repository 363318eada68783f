package org.dangjian.runtime.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The platform speaks Chinese (zh-CN) unless the client asks for English. */
public final class ProblemLocales {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    private static final AcceptHeaderLocaleResolver RESOLVER = resolver();

    private ProblemLocales() {
    }

    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }

    public static Locale of(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }

    /** The same choice from a raw {@code Accept-Language} value, where there is no servlet request yet (Tomcat's adapter). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null) {
            return DEFAULT;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? DEFAULT : chosen;
        } catch (IllegalArgumentException unreadable) {
            return DEFAULT;
        }
    }
}
