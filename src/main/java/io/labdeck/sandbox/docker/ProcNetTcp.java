package io.labdeck.sandbox.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;

/**
 * Reads the kernel's socket tables, {@code /proc/<pid>/net/tcp} and {@code tcp6}: one socket a line, the local
 * address as hex words in the kernel's byte order ({@code 0100007F:1F40} is 127.0.0.1:8000 on a little-endian host;
 * IPv6 as four such words), the state as hex ({@code 0A} is LISTEN) and the socket's inode in the tenth column.
 * Lines of either file may be mixed; headers and lines that do not parse are skipped.
 */
final class ProcNetTcp {

    private static final String LISTEN = "0A";

    /** A listening socket: its local address, port and inode. */
    record Socket(InetAddress address, int port, long inode) {
        boolean loopback() {
            return address.isLoopbackAddress();
        }
    }

    private ProcNetTcp() {
    }

    /** The listening sockets in {@code text}, read in the byte order of the kernel that wrote it. */
    static List<Socket> listening(String text, ByteOrder order) {
        List<Socket> sockets = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":") || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].indexOf(':');
            try {
                InetAddress address = address(f[1].substring(0, colon), order);
                int port = Integer.parseInt(f[1].substring(colon + 1), 16);
                if (port > 0) {
                    sockets.add(new Socket(address, port, Long.parseLong(f[9])));
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException | UnknownHostException e) {
                // Not a socket line: skipped, as headers are.
            }
        }
        return sockets;
    }

    /** 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word in {@code order}. IPv4-mapped IPv6 comes out as IPv4. */
    static InetAddress address(String hex, ByteOrder order) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2).order(order);
        for (int i = 0; i < hex.length(); i += 8) {
            bytes.putInt(Integer.parseUnsignedInt(hex.substring(i, i + 8), 16));
        }
        return InetAddress.getByAddress(bytes.array());
    }

    /**
     * The ports of a sandbox from the sockets of its own network namespace and, in a Docker lab with a rootless
     * engine, of the engine's namespace. A socket of the sandbox's namespace is reachable unless it is on loopback;
     * the engine's are reachable from nowhere but the engine (the rootless port driver listens in the sandbox's
     * namespace for each published port). Sockets seen in both (the same namespace read twice) count once.
     */
    static List<ListeningPort> ports(List<Socket> sandbox, List<Socket> engine) {
        TreeMap<Integer, ListeningPort> byPort = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        for (Socket s : sandbox) {
            seen.add(s.inode());
            keep(byPort, new ListeningPort(s.port(), s.loopback() ? Scope.LOOPBACK : Scope.REACHABLE, s.inode()));
        }
        for (Socket s : engine) {
            if (!seen.contains(s.inode()) || s.inode() == 0) {
                keep(byPort, new ListeningPort(s.port(), Scope.ENGINE, s.inode()));
            }
        }
        return List.copyOf(byPort.values());
    }

    private static void keep(TreeMap<Integer, ListeningPort> byPort, ListeningPort port) {
        byPort.merge(port.port(), port, (old, now) -> now.scope().ordinal() < old.scope().ordinal() ? now : old);
    }
}
