package io.labdeck.classroom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.classroom.JoinCodes;
import io.labdeck.session.InvalidRequestException;

/** Join codes, display names, CSV fields and QR codes: the text a class is made of. */
@Tag("fast")
class ClassroomTextTest {

    @Test
    void joinCodesAvoidLookAlikesAndAreTypedInAnyWay() {
        for (int i = 0; i < 1000; i++) {
            String code = JoinCodes.next();
            assertThat(code).hasSize(6).doesNotContainPattern("[0O1IL2Z5S8BUVG6DQ]");
            assertThat(JoinCodes.wellFormed(code)).isTrue();
        }
        assertThat(JoinCodes.normalize(" ack-x7 9 ")).isEqualTo("ACKX79");
        assertThat(JoinCodes.wellFormed("ABC")).isFalse();
        assertThat(JoinCodes.wellFormed("O0O0O0")).isFalse();
    }

    @Test
    void displayNamesTakeAnyScriptButNoControlCharacters() {
        assertThat(DisplayNames.clean("  山田   太郎 ")).isEqualTo("山田 太郎");
        assertThat(DisplayNames.clean("김민지")).isEqualTo("김민지");
        assertThatThrownBy(() -> DisplayNames.clean("a\u202Eb")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> DisplayNames.clean(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(DisplayNames.clean("😀".repeat(40))).as("40 characters, not 40 chars").hasSize(80);
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of("a,b", "say \"hi\"", "=1+1", "-2", "@x", "plain", ""));
        assertThat(out).hasToString("\"a,b\",\"say \"\"hi\"\"\",'=1+1,'-2,'@x,plain,\r\n");
    }

    @Test
    void qrCodesAreSvgOfDarkModulesOnWhite() {
        String svg = QrCodes.svg("https://labs.example.org/join/ACEFHJ");
        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("viewBox=\"0 0 37 37\"").contains("fill=\"#000000\"").endsWith("</svg>\n");
    }
}
