package org.dangjian.gateway.config;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The platform speaks Chinese (zh-CN) first; a caller who asks for English ({@code Accept-Language: en}) gets it. */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH);

    /** Replaces Boot's bean of the same name, which would fall back to the server's own locale. */
    @Bean
    public LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }

    /**
     * The language for an {@code Accept-Language} value where there is no exchange to ask (the HTTP server answering
     * a request it could not decode): the best supported match by weight, else zh-CN.
     */
    public static Locale forAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match != null ? match : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }
}
