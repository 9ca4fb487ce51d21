package cn.hotline12345.hub.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

    @Test
    void foldsFullWidthAndTraditionalCharacters() {
        assertThat(ChineseText.normalise("ＡＢＣ１２３ 請問醫保報銷")).isEqualTo("abc0 请问医保报销");
    }

    @Test
    void masksPhoneAndIdNumbers() {
        String text = ChineseText.normalise("电话13812345678，身份证110101199003071234，另一个138****5678");
        assertThat(text).doesNotContain("13812345678").doesNotContain("110101199003071234");
        assertThat(text).contains("〈电话〉").contains("〈身份证号〉");
        assertThat(text).doesNotContain("5678");
    }

    @Test
    void keepsEmojiAndMixedScriptsAndCutsVeryLongTexts() {
        assertThat(ChineseText.normalise("路灯坏了😡 zhen de bu liang WiFi")).isEqualTo("路灯坏了😡 zhen de bu liang wifi");
        assertThat(ChineseText.normalise("很".repeat(50_000))).hasSize(ChineseText.MAX_CHARS);
        assertThat(ChineseText.normalise(null)).isEmpty();
    }

    @Test
    void segmentsIntoWords() {
        assertThat(ChineseText.words("小区门口的路灯坏了")).contains("小区", "路灯");
    }

    @Test
    void featureSettingsRoundTrip() {
        for (String setting : new String[] {"words", "char1-2", "words+char1-3"}) {
            assertThat(Features.parse(setting).describe()).isEqualTo(setting);
        }
        assertThat(Features.parse("char1-2").tokens("路灯")).containsExactly("c1=路", "c1=灯", "c2=路灯");
    }
}
