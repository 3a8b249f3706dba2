package io.labdeck.preview.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;

/** When a port's probe is due, and which finding counts when probes overlap. */
@Tag("fast")
class ProbeMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    private static final ListeningPort WEB = new ListeningPort(5001, Scope.REACHABLE, 11);
    private static final Probe SILENT = Probe.fails("closed", "hangs up");
    private static final Probe OK = Probe.answers("open", "it accepts connections");

    private final ProbeMemory memory = new ProbeMemory(Duration.ofSeconds(30), Duration.ofSeconds(2));

    private boolean due(ListeningPort port, Instant at) {
        return !memory.due(List.of(port), at).isEmpty();
    }

    @Test
    void aYoungPortIsProbedAgainWhileEarlierProbesWaitUpToThree() {
        for (int i = 0; i < 3; i++) {
            assertThat(due(WEB, T0.plusSeconds(i))).as("probe " + (i + 1)).isTrue();
            memory.started(WEB);
        }
        assertThat(due(WEB, T0.plusSeconds(3))).as("three wait already").isFalse();
        memory.remember(WEB, SILENT, T0);
        assertThat(due(WEB, T0.plusSeconds(3))).isTrue();
        assertThat(memory.due(List.of(new ListeningPort(8002, Scope.LOOPBACK, 1)), T0)).as("loopback is not probed")
                .isEmpty();
    }

    @Test
    void anOlderProbeThatEndsLastDoesNotUndoANewerOnesAnswer() {
        due(WEB, T0);
        memory.started(WEB);
        due(WEB, T0.plusSeconds(1));
        memory.started(WEB);
        memory.remember(WEB, OK, T0.plusSeconds(1));
        memory.remember(WEB, SILENT, T0);
        assertThat(memory.probes()).containsEntry(5001, OK);
        assertThat(due(WEB, T0.plusSeconds(20))).as("answering: not before the recheck").isFalse();
        assertThat(due(WEB, T0.plusSeconds(31))).isTrue();
    }

    @Test
    void anOldPortThatDoesNotAnswerWaitsTheRetryAndANewSocketStartsAfresh() {
        due(WEB, T0);
        memory.started(WEB);
        memory.remember(WEB, SILENT, T0);
        assertThat(due(WEB, T0.plusSeconds(6))).as("no longer young: after the retry interval").isTrue();
        memory.started(WEB);
        memory.remember(WEB, SILENT, T0.plusSeconds(6));
        assertThat(due(WEB, T0.plusSeconds(7))).isFalse();
        ListeningPort restarted = new ListeningPort(5001, Scope.REACHABLE, 12);
        assertThat(due(restarted, T0.plusSeconds(7))).as("a restarted server is probed at once").isTrue();
        memory.started(restarted);
        memory.remember(WEB, OK, T0.plusSeconds(7));
        assertThat(memory.probes()).as("a finding about the old socket does not count").doesNotContainKey(5001);
        memory.keepOnly(List.of());
        assertThat(memory.probes()).isEmpty();
    }
}
