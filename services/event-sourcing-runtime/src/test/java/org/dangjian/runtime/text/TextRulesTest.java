package org.dangjian.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The platform's text rule, character by character (docs/api.md, "Text"). */
class TextRulesTest {

    private static String refusal(String text, TextRules.Kind kind) {
        TextRules.Refusal refusal = TextRules.check(text, kind);
        return refusal == null ? null : refusal.reason() + " " + refusal.codePointLabel();
    }

    @Test
    void namesRefuseControlInvisibleAndBidiCharactersNamingThem() {
        assertThat(refusal("第一\u0000支部", TextRules.Kind.NAME)).isEqualTo("control U+0000");
        assertThat(refusal("\u001b[31m红", TextRules.Kind.NAME)).isEqualTo("control U+001B");
        assertThat(refusal("a\u0085b", TextRules.Kind.NAME)).isEqualTo("control U+0085");
        assertThat(refusal("部支\u202e一第", TextRules.Kind.NAME)).isEqualTo("invisible U+202E");
        assertThat(refusal("\u200b\u200b", TextRules.Kind.NAME)).isEqualTo("invisible U+200B");
        assertThat(refusal("\ufeff党委", TextRules.Kind.NAME)).isEqualTo("invisible U+FEFF");
        assertThat(refusal("党\ud800委", TextRules.Kind.NAME)).isEqualTo("unassigned U+D800");
        assertThat(refusal("第一\n支部", TextRules.Kind.NAME)).isEqualTo("lineBreak U+000A");
        assertThat(refusal("第一\u2028支部", TextRules.Kind.NAME)).isEqualTo("lineBreak U+2028");
        assertThat(refusal("第一\u00a0支部", TextRules.Kind.NAME)).isEqualTo("space U+00A0");
        assertThat(refusal(" 党委", TextRules.Kind.NAME)).startsWith("edgeSpace");
        assertThat(refusal("——", TextRules.Kind.NAME)).startsWith("noLetter");
    }

    @Test
    void namesAcceptWhatPeopleWrite() {
        assertThat(refusal("机关第一党支部", TextRules.Kind.NAME)).isNull();
        assertThat(refusal("机关\u3000党委", TextRules.Kind.NAME)).isNull();
        assertThat(refusal("Party Branch No. 1 (2022)", TextRules.Kind.NAME)).isNull();
        assertThat(refusal("\ud840\udc00党", TextRules.Kind.NAME)).as("a character beyond the BMP").isNull();
    }

    @Test
    void freeTextsAllowLineFeedsButNotOtherControlsAndNotOnlySpaces() {
        assertThat(refusal("依据党委会议决定\n第二行", TextRules.Kind.FREE_TEXT)).isNull();
        assertThat(refusal("第一行\r\n第二行", TextRules.Kind.FREE_TEXT)).isEqualTo("control U+000D");
        assertThat(refusal("  \n ", TextRules.Kind.FREE_TEXT)).startsWith("blank");
    }

    @Test
    void lengthsAreCodePointsAndTextIsNfc() {
        assertThat(TextRules.length("😀".repeat(1000))).isEqualTo(1000);
        assertThat(TextRules.length("党".repeat(100))).isEqualTo(100);
        assertThat(TextRules.normalise("A\u030A")).isEqualTo("\u00C5");
        assertThat(TextRules.normalise("党委")).isEqualTo("党委");
    }
}
