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

    /** Replaces Boot's bean of the same name, which would fall back to the server's own locale. */
    @Bean
    public LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }
}
