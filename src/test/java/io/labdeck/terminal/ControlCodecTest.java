package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

@Tag("fast")
class ControlCodecTest {

    private final ControlCodec codec = new ControlCodec(new ObjectMapper());

    @Test
    void readsResizeAndPing() {
        assertThat(codec.read("{\"type\":\"resize\",\"cols\":120,\"rows\":32}"))
                .isEqualTo(new ControlMessage.Resize("resize", 120, 32));
        assertThat(codec.read("{\"type\":\"ping\"}")).isInstanceOf(ControlMessage.Ping.class);
    }

    @Test
    void badMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> codec.read("{nope")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.read("[1,2]")).hasMessageContaining("\"type\"");
        assertThatThrownBy(() -> codec.read("{\"type\":\"dance\"}")).hasMessageContaining("Unknown control message type \"dance\"");
        assertThatThrownBy(() -> codec.read("{\"type\":\"resize\",\"cols\":\"wide\",\"rows\":3}"))
                .hasMessageContaining("cols");
        assertThatThrownBy(() -> codec.read("{\"type\":\"resize\",\"cols\":0,\"rows\":3}")).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> codec.read("{\"type\":\"resize\",\"cols\":1.5,\"rows\":3}")).hasMessageContaining("whole");
    }

    @Test
    void writesServerMessagesAsTheContractSays() {
        assertThat(codec.write(new ControlMessage.Status("ready"))).isEqualTo("{\"type\":\"status\",\"state\":\"ready\"}");
        assertThat(codec.write(new ControlMessage.Check("look", true, "passed", "ok", null)))
                .startsWith("{\"type\":\"check\",\"stepId\":\"look\",\"passed\":true,")
                .contains("\"status\":\"passed\"", "\"message\":\"ok\"");
        assertThat(codec.write(new ControlMessage.Error("bad"))).isEqualTo("{\"type\":\"error\",\"message\":\"bad\"}");
    }
}
