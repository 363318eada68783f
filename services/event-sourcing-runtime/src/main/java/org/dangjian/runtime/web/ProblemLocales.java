package org.dangjian.runtime.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The platform speaks Chinese (zh-CN) unless the client asks for English. */
public final class ProblemLocales {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private ProblemLocales() {
    }

    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }

    public static Locale of(HttpServletRequest request) {
        return resolver().resolveLocale(request);
    }
}
