package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** What a browser (or anyone) sends as a control message: a message, or an error short enough to send back. */
@Tag("fast")
class ControlCodecPropertyTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ControlCodec codec = new ControlCodec(json);

    @Property(tries = 2000)
    void anyTextIsAMessageOrAShortClearError(@ForAll("frames") String text) {
        try {
            ControlMessage message = codec.read(text);
            assertThat(message).isInstanceOfAny(ControlMessage.Resize.class, ControlMessage.Ping.class);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(200);
        }
    }

    @Property
    void aResizeInRangeSurvivesTheRoundTrip(@ForAll @IntRange(min = 1, max = 1000) int cols,
            @ForAll @IntRange(min = 1, max = 1000) int rows) {
        ControlMessage.Resize resize = new ControlMessage.Resize("resize", cols, rows);
        assertThat(codec.read(codec.write(resize))).isEqualTo(resize);
    }

    @Property
    void aResizeOutOfRangeIsRefusedSayingTheRange(@ForAll int cols, @ForAll int rows) {
        String text = "{\"type\":\"resize\",\"cols\":" + cols + ",\"rows\":" + rows + "}";
        if (cols >= 1 && cols <= 1000 && rows >= 1 && rows <= 1000) {
            assertThat(codec.read(text)).isEqualTo(new ControlMessage.Resize("resize", cols, rows));
        } else {
            assertThatThrownBy(() -> codec.read(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 1000");
        }
    }

    @Property
    void everyServerMessageIsAJsonObjectWithItsType(@ForAll("serverMessages") ControlMessage message)
            throws Exception {
        JsonNode node = json.readTree(codec.write(message));
        assertThat(node.isObject()).isTrue();
        assertThat(node.path("type").asText()).isNotBlank();
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> jsonish = Arbitraries.of("{", "}", "[", "]", "\"type\"", ":", ",", "\"resize\"", "\"ping\"",
                "\"cols\"", "\"rows\"", "80", "-1", "1e3", "1.5", "null", "true", "\"\\u0000\"", "\"日本語\"",
                "99999999999999999999", " ");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                jsonish.list().ofMaxSize(30).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<ControlMessage> serverMessages() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(100);
        return Arbitraries.oneOf(
                text.map(s -> (ControlMessage) new ControlMessage.Status("status", s)),
                text.map(s -> new ControlMessage.Error("error", s)),
                Arbitraries.of(true, false).map(b -> (ControlMessage) new ControlMessage.Flow(b)),
                text.map(s -> new ControlMessage.Check("check", "step", s.length() % 2 == 0, "passed", s, s)),
                text.map(s -> new ControlMessage.Setup("setup", "step", true, s)));
    }
}
