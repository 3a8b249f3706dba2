package io.labdeck.sandbox.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the host's {@code /proc} says about a sandbox's processes, when Labdeck shares the engine's host (its process
 * ids are the host's). Reading a process's socket tables needs no privilege; following its process tree to the
 * rootless engine reads the processes' {@code exe} links, which takes root (or the same user) on the host. Every
 * read that fails says so with an empty answer, and the caller falls back to looking from inside the sandbox.
 */
final class HostProc {

    private static final String ROOTLESSKIT = "/usr/bin/rootlesskit";

    /** A process, told apart from a later one with the same id by when it started. */
    record Proc(int pid, long started) {
    }

    private final Path proc;

    HostProc(Path proc) {
        this.proc = proc;
    }

    /** Whether the host's /proc shows this container's init, i.e. this process sees the engine's process ids. */
    Optional<Proc> init(int pid, String containerId) {
        try {
            String cgroup = Files.readString(proc.resolve(pid + "/cgroup"));
            if (!cgroup.contains(containerId) || !Files.isReadable(proc.resolve(pid + "/net/tcp"))) {
                return Optional.empty();
            }
            return started(pid).map(s -> new Proc(pid, s));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the process still runs (the same one). */
    boolean alive(Proc p) {
        return started(p.pid()).filter(s -> s == p.started()).isPresent();
    }

    /**
     * The rootless engine's namespaces' process below {@code init}: rootlesskit (a child of the sandbox's init) and
     * its own re-executed child, found as {@code labdeck-enter} finds it. Empty when the engine is not (yet) up, or
     * the links cannot be read (then {@link #readable} says no too).
     */
    Optional<Proc> rootlessChild(Proc init) {
        for (int parent : children(init.pid())) {
            if (!exe(parent).equals(ROOTLESSKIT)) {
                continue;
            }
            for (int child : children(parent)) {
                if (exe(child).equals(ROOTLESSKIT)) {
                    return started(child).map(s -> new Proc(child, s));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether this process may follow the sandbox's process tree (read its init's exe link). */
    boolean readable(Proc init) {
        return !exe(init.pid()).isEmpty();
    }

    /** The process's socket tables, tcp and tcp6 one after the other. */
    String sockets(Proc p) throws IOException {
        return Files.readString(proc.resolve(p.pid() + "/net/tcp")) + Files.readString(proc.resolve(p.pid()
                + "/net/tcp6"));
    }

    /**
     * How many TCP sockets (IPv4, IPv6) the process's network namespace has in its tables, from its
     * {@code sockstat} files: a read of a few hundred microseconds where the socket tables cost milliseconds (the
     * kernel walks its whole, host-wide, connection table for each). The same count is most likely the same sockets.
     */
    String tcpInUse(Proc p) throws IOException {
        return inUse(Files.readString(proc.resolve(p.pid() + "/net/sockstat")), "TCP:") + "/"
                + inUse(Files.readString(proc.resolve(p.pid() + "/net/sockstat6")), "TCP6:");
    }

    /** The number after {@code inuse} on the line that starts with {@code protocol}, or "?". */
    static String inUse(String sockstat, String protocol) {
        return sockstat.lines().filter(l -> l.startsWith(protocol + " ")).findFirst().map(l -> {
            String[] f = l.split("\\s+");
            return f.length > 2 && f[1].equals("inuse") ? f[2] : "?";
        }).orElse("?");
    }

    private List<Integer> children(int pid) {
        try (var tasks = Files.list(proc.resolve(pid + "/task"))) {
            return tasks.flatMap(t -> {
                try {
                    return java.util.Arrays.stream(Files.readString(t.resolve("children")).strip().split("\\s+"));
                } catch (IOException e) {
                    return java.util.stream.Stream.empty();
                }
            }).filter(s -> !s.isEmpty()).map(Integer::valueOf).distinct().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private String exe(int pid) {
        try {
            return Files.readSymbolicLink(proc.resolve(pid + "/exe")).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Optional<Long> started(int pid) {
        try {
            return startTime(Files.readString(proc.resolve(pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Field 22 of {@code /proc/<pid>/stat}, counted after the command name (which may hold spaces and parens). */
    static Optional<Long> startTime(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        String[] f = stat.substring(end + 1).strip().split("\\s+");
        // After ")": state is field 3, so start time (22) is index 19.
        return f.length > 19 ? Optional.of(Long.parseLong(f[19])) : Optional.empty();
    }
}
