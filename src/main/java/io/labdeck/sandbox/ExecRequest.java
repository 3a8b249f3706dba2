package io.labdeck.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command to run to completion in a sandbox.
 *
 * @param argv     the program and its arguments
 * @param env      extra environment
 * @param user     user to run as; empty for the image's
 * @param workdir  working directory; empty for the image's
 * @param timeout  deadline, enforced inside the sandbox (the command's whole process group is killed)
 * @param maxOutputBytes output beyond this is dropped (the rest of the stream is still drained)
 * @param probe    a short script that looks and leaves nothing running (a check): a backend may run it on a faster
 *                 path; a process it leaves holding its output makes it run to the deadline
 */
public record ExecRequest(List<String> argv, Map<String, String> env, Optional<String> user, Optional<String> workdir,
        Duration timeout, int maxOutputBytes, boolean probe) {

    public static final int DEFAULT_MAX_OUTPUT = 64 * 1024;

    public ExecRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public ExecRequest(List<String> argv, Map<String, String> env, Optional<String> user, Optional<String> workdir,
            Duration timeout, int maxOutputBytes) {
        this(argv, env, user, workdir, timeout, maxOutputBytes, false);
    }

    /** This request as a probe (see {@code probe}). */
    public ExecRequest asProbe() {
        return new ExecRequest(argv, env, user, workdir, timeout, maxOutputBytes, true);
    }

    /** A shell script run by {@code sh -c}. */
    public static ExecRequest shell(String script, Duration timeout) {
        return new ExecRequest(List.of("sh", "-c", script), Map.of(), Optional.empty(), Optional.empty(), timeout,
                DEFAULT_MAX_OUTPUT);
    }
}
