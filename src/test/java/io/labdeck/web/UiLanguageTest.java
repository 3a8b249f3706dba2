package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class UiLanguageTest {

    @Test
    void explicitLanguageWinsWhenTheBundleHasIt() {
        assertThat(UiLanguage.pick("ko", "ja")).isEqualTo("ko");
        assertThat(UiLanguage.pick("ja-JP", null)).isEqualTo("ja");
    }

    @Test
    void unsupportedExplicitLanguageFallsBackToTheBrowser() {
        assertThat(UiLanguage.pick("fr", "ja,en;q=0.5")).isEqualTo("ja");
        assertThat(UiLanguage.pick("fr", null)).isEqualTo("en");
    }

    @Test
    void browserLanguagesAreTakenInQualityOrderIgnoringRegionsAndRefusals() {
        assertThat(UiLanguage.pick(null, "fr-FR, ko-KR;q=0.8, ja;q=0.9")).isEqualTo("ja");
        assertThat(UiLanguage.pick(null, "ja;q=0, ko;q=0.2")).isEqualTo("ko");
        assertThat(UiLanguage.pick(null, "de, fr")).isEqualTo("en");
    }

    @Test
    void malformedHeaderCountsAsAbsent() {
        assertThat(UiLanguage.pick(null, ";;q=abc,,")).isEqualTo("en");
        assertThat(UiLanguage.bestMatch("\u0000", List.of("ja"))).isEmpty();
    }

    @Test
    void bestMatchChoosesAmongTheLabsLanguages() {
        assertThat(UiLanguage.bestMatch("en-US,ko;q=0.7,ja;q=0.3", List.of("ja", "ko"))).contains("ko");
        assertThat(UiLanguage.bestMatch("en-US", List.of("ja", "ko"))).isEmpty();
    }

    @Test
    void languageLinksAreNamedInTheirOwnLanguage() {
        assertThat(LanguageLink.nameOf("ja")).isEqualTo("日本語");
        assertThat(LanguageLink.nameOf("ko")).isEqualTo("한국어");
        assertThat(LanguageLink.nameOf("en")).isEqualTo("English");
    }
}
