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
 */
public record ExecRequest(List<String> argv, Map<String, String> env, Optional<String> user, Optional<String> workdir,
        Duration timeout, int maxOutputBytes) {

    public static final int DEFAULT_MAX_OUTPUT = 64 * 1024;

    public ExecRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** A shell script run by {@code sh -c}. */
    public static ExecRequest shell(String script, Duration timeout) {
        return new ExecRequest(List.of("sh", "-c", script), Map.of(), Optional.empty(), Optional.empty(), timeout,
                DEFAULT_MAX_OUTPUT);
    }
}
