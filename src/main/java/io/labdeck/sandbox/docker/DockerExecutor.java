package io.labdeck.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxFailedException;

/**
 * Runs commands to completion. Docker cannot kill an exec, so the deadline is enforced inside the sandbox: the command
 * runs in a process group of its own and a watchdog kills the whole group at the deadline. {@code timeout} alone
 * would kill only the shell and leave its children (a hung {@code sleep}, a flooding {@code yes}) running. A client
 * wait a little longer than the deadline guards against anything that still holds the streams open.
 */
final class DockerExecutor {

    private static final Duration GRACE = Duration.ofSeconds(3);
    /**
     * {@code sh -c WATCHDOG labdeck-exec SECONDS ARGV...}. Background processes the command leaves on success are
     * kept (a solve may start a server); only a deadline kills the group. The shell's own "Killed" notice is not the
     * command's output, so it is silenced. The second kill covers a watchdog that has
     * not yet made its own group.
     */
    private static final String WATCHDOG = "n=$1; shift; setsid \"$@\" & p=$!; "
            + "setsid sh -c \"sleep $n; kill -9 -$p\" & d=$!; "
            + "wait $p 2>/dev/null; r=$?; kill -9 -$d 2>/dev/null || kill -9 $d 2>/dev/null; exit $r";

    private final DockerClient docker;

    DockerExecutor(DockerClient docker) {
        this.docker = docker;
    }

    /** Runs the request where the learner works: in a rootless sandbox, inside the engine's namespaces. */
    ExecResult exec(String containerId, SandboxMode mode, ExecRequest request) {
        return execHere(containerId, new ExecRequest(mode.where(request.argv()), request.env(), request.user(),
                request.workdir(), request.timeout(), request.maxOutputBytes(), request.probe()));
    }

    /** Runs the request as the container's own user, outside any namespace of the learner's. */
    ExecResult execHere(String containerId, ExecRequest request) {
        long started = System.nanoTime();
        List<String> argv = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "labdeck-exec",
                Long.toString(Math.max(1, request.timeout().toSeconds()))));
        argv.addAll(request.argv());
        var create = docker.execCreateCmd(containerId).withCmd(argv.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).withAttachStdin(false).withTty(false)
                .withEnv(request.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        request.user().ifPresent(create::withUser);
        request.workdir().ifPresent(create::withWorkingDir);
        String execId;
        try {
            execId = create.exec().getId();
        } catch (RuntimeException e) {
            throw new SandboxFailedException("The sandbox is not running.", e.toString(), e);
        }
        Collector out = new Collector(request.maxOutputBytes());
        boolean completed;
        try (out) {
            docker.execStartCmd(execId).withTty(false).exec(out);
            completed = out.awaitCompletion(request.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailedException("The command was interrupted.", e.toString(), e);
        } catch (java.io.IOException e) {
            completed = false;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Long exit = completed ? docker.inspectExecCmd(execId).exec().getExitCodeLong() : null;
        int code = exit == null ? 137 : exit.intValue();
        boolean timedOut = !completed || (code == 137 || code == 124) && elapsed.compareTo(request.timeout()) >= 0;
        return new ExecResult(code, out.text(out.stdout), out.text(out.stderr), timedOut, out.truncated, elapsed);
    }

    /** Collects both streams up to a cap, decoding only at the end so multibyte characters are never split. */
    private static final class Collector extends ResultCallback.Adapter<Frame> {
        private final int cap;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Collector(int cap) {
            this.cap = cap;
        }

        @Override
        public void onNext(Frame frame) {
            ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
            synchronized (this) {
                int room = cap - stdout.size() - stderr.size();
                byte[] payload = frame.getPayload();
                if (room <= 0) {
                    truncated = true;
                } else {
                    target.write(payload, 0, Math.min(room, payload.length));
                    truncated |= payload.length > room;
                }
            }
        }

        synchronized String text(ByteArrayOutputStream stream) {
            return stream.toString(StandardCharsets.UTF_8);
        }
    }
}
