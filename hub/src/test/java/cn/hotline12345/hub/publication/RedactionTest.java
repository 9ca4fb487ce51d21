package cn.hotline12345.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksPhonesIdNumbersEmailsAndNames() {
        String text = "我叫李建国，电话13912345678，座机0579-86231217，身份证33010219900101123X，邮箱li@example.com，李建国反映";
        String redacted = Redaction.redact(text, "李建国");
        assertThat(redacted)
                .contains("139****5678")
                .contains("0579-****1217")
                .contains("330102********123X")
                .contains("***@***")
                .contains("我叫李**")
                .doesNotContain("李建国")
                .doesNotContain("13912345678")
                .doesNotContain("19900101");
        assertThat(Redaction.redact(null, "x")).isNull();
        assertThat(Redaction.redact("没有个人信息的内容", null)).isEqualTo("没有个人信息的内容");
    }
}
