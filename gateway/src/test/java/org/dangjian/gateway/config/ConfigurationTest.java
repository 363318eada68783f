package org.dangjian.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void audiencesAreTrimmedAndAtLeastOneIsRequired() {
        assertThat(new AccessTokenProperties(List.of(" dangjian ", "", "dangjian", "renshi")).audiences())
                .containsExactly("dangjian", "renshi");
        assertThatThrownBy(() -> new AccessTokenProperties(List.of(" ")))
                .hasMessageContaining("dangjian.security.audiences");
        assertThatThrownBy(() -> new AccessTokenProperties(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAcceptLanguageWithoutAnExchangeGivesEnglishWhenAskedForElseChinese() {
        assertThat(LocaleConfiguration.forAcceptLanguage("en-GB,en;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleConfiguration.forAcceptLanguage("fr;q=1.0, en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleConfiguration.forAcceptLanguage("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LocaleConfiguration.forAcceptLanguage("fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LocaleConfiguration.forAcceptLanguage(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LocaleConfiguration.forAcceptLanguage(";;;=")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
