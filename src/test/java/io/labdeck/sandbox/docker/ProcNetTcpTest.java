package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;

/**
 * The kernel's socket tables as listening ports, from lines of a real rootless Docker sandbox (x86-64): the sandbox's
 * namespace with rootlesskit's published 5001 and a server on 127.0.0.1:8002, the engine's with the port driver's
 * 127.0.0.1:5001 and a shell's server on 0.0.0.0:8000.
 */
@Tag("fast")
class ProcNetTcpTest {

    private static final String HEADER4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";
    private static final String HEADER6 = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private static final String SANDBOX = HEADER4
            + "   0: 0100007F:1F42 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 51150 1"
            + " 00000000b1350e5a 100 0 0 10 0\n"
            + "   1: 00000000:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 51820 1"
            + " 000000006b386572 100 0 0 10 0\n"
            + "   2: 0A00C8AC:1389 0200C8AC:D431 01 00000000:00000000 00:00000000 00000000  1000        0 61111 1"
            + " 000000006b386572 20 4 30 10 -1\n"
            + HEADER6
            + "   0: 00000000000000000000000000000000:1389 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000  1000        0 51830 1 000000002e6dc8f8 100 0 0 10 0\n";
    private static final String ENGINE = HEADER4
            + "   0: 0100007F:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 51822 1"
            + " 00000000ced95442 100 0 0 10 0\n"
            + "   1: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 52157 1"
            + " 00000000650bcff0 100 0 0 10 0\n"
            + HEADER6
            + "   0: 00000000000000000000000001000000:1389 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000  1000        0 51832 1 00000000d13e39ad 100 0 0 10 0\n";

    @Test
    void readsListeningSocketsOnlyWithTheirAddressesPortsAndInodes() throws Exception {
        var sockets = ProcNetTcp.listening(SANDBOX, ByteOrder.LITTLE_ENDIAN);
        assertThat(sockets).extracting(ProcNetTcp.Socket::port).containsExactly(8002, 5001, 5001);
        assertThat(sockets.get(0).address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(sockets.get(0).loopback()).isTrue();
        assertThat(sockets.get(1).address()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(sockets.get(2).address()).isEqualTo(InetAddress.getByName("::"));
        assertThat(sockets).extracting(ProcNetTcp.Socket::inode).containsExactly(51150L, 51820L, 51830L);
    }

    @Test
    void readsIpv6AndIpv4MappedAddressesInTheKernelsByteOrder() throws Exception {
        assertThat(ProcNetTcp.address("00000000000000000000000001000000", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("::1"));
        assertThat(ProcNetTcp.address("0000000000000000FFFF00000100007F", ByteOrder.LITTLE_ENDIAN))
                .as("::ffff:127.0.0.1 is IPv4 loopback").isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ProcNetTcp.address("B80D0120000000000000000001000000", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(ProcNetTcp.address("7F000001", ByteOrder.BIG_ENDIAN)).as("a big-endian kernel's 127.0.0.1")
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ProcNetTcp.address("0A00C8AC", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("172.200.0.10"));
    }

    @Test
    void skipsHeadersAndLinesThatDoNotParse() {
        String text = "garbage\n   0: XYZ:1389 00000000:0000 0A 0 0 0 0 0 1\n   1: 00000000:zz 0:0 0A 0 0 0 0 0 7\n"
                + "   2: 000000:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 9 1\n"
                + "   3: 00000000:0000 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 9 1\n\n";
        assertThat(ProcNetTcp.listening(text, ByteOrder.LITTLE_ENDIAN)).isEmpty();
    }

    @Test
    void aPortIsWhereItIsMostReachableAndTheEnginesOwnAreUnreachable() {
        List<ListeningPort> ports = ProcNetTcp.ports(ProcNetTcp.listening(SANDBOX, ByteOrder.LITTLE_ENDIAN),
                ProcNetTcp.listening(ENGINE, ByteOrder.LITTLE_ENDIAN));
        assertThat(ports).containsExactly(
                new ListeningPort(5001, Scope.REACHABLE, 51820),
                new ListeningPort(8000, Scope.ENGINE, 52157),
                new ListeningPort(8002, Scope.LOOPBACK, 51150));
    }

    @Test
    void theSameNamespaceReadTwiceCountsOnce() {
        var plain = ProcNetTcp.listening(SANDBOX, ByteOrder.LITTLE_ENDIAN);
        assertThat(ProcNetTcp.ports(plain, plain)).containsExactly(
                new ListeningPort(5001, Scope.REACHABLE, 51820),
                new ListeningPort(8002, Scope.LOOPBACK, 51150));
    }

    @Test
    void aProbesOutputSplitsAtTheEngineMark() {
        String out = SANDBOX + DockerSandboxPorts.ENGINE_MARK + "\n" + ENGINE;
        assertThat(DockerSandboxPorts.parseProbe(out, ByteOrder.LITTLE_ENDIAN)).extracting(ListeningPort::scope)
                .containsExactly(Scope.REACHABLE, Scope.ENGINE, Scope.LOOPBACK);
        assertThat(DockerSandboxPorts.parseProbe(SANDBOX, ByteOrder.LITTLE_ENDIAN)).hasSize(2);
    }

    @Test
    void readsTheNamespacesTcpSocketCountsFromSockstat() {
        String v4 = "sockets: used 7\nTCP: inuse 2 orphan 0 tw 0 alloc 10 mem 0\nUDP: inuse 0 mem 0\n";
        String v6 = "TCP6: inuse 1\nUDP6: inuse 0\n";
        assertThat(HostProc.inUse(v4, "TCP:")).isEqualTo("2");
        assertThat(HostProc.inUse(v6, "TCP6:")).isEqualTo("1");
        assertThat(HostProc.inUse(v6, "TCP:")).as("TCP6 is not TCP").isEqualTo("?");
    }

    @Test
    void readsAProcessStartTimeEvenWithParensInItsName() {
        String stat = "1337 (exe (x) y) S 1328 8 8 0 -1 4194560 1454 0 0 0 3 2 0 0 20 0 9 0 4242 1257 3 18446 1";
        assertThat(HostProc.startTime(stat)).contains(4242L);
        assertThat(HostProc.startTime("no parens")).isEmpty();
    }
}
