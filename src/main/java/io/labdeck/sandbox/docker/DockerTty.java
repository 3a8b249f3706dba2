package io.labdeck.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.transport.DockerHttpClient;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;

/**
 * An interactive exec attached to the session's shell, which outlives the exec and Labdeck: a new attach gets it back
 * with its recent output (deploy/images/files/labdeck-term.c). Where the session has a {@link TerminalContainer}, the
 * exec attaches to the holder there, and a second, detached exec in the sandbox spawns the shell on the holder's pty
 * unless one runs on it already. That exec has no TTY, only pipes: its output is demultiplexed ({@link StreamDemux})
 * and its input framed ({@link HeldInput}), window sizes included. Elsewhere (a sandbox on its own kernel, or made
 * before terminal containers) the exec has a TTY and runs the command under the image's holder in the sandbox, or
 * as it is where there is none. The exec is started as a raw hijacked HTTP request and its stream read on a thread
 * of its own with a 64 KiB buffer: docker-java's frame callback hands over at most 1 KiB at a time, which caps
 * throughput well below the TTY's.
 */
final class DockerTty implements TtySession {

    private static final Logger LOG = Logger.getLogger(DockerTty.class);
    private static final int READ_BUFFER = 64 * 1024;
    /** The holder's socket; in a rootless sandbox it is in the engine's namespaces, with the shell. */
    static final String HOLDER_SOCKET = "/tmp/.labdeck-term.sock";
    /** {@code sh -c HOLD labdeck-shell COMMAND...}: the command under the holder, or as it is where there is none. */
    private static final String HOLD = "t=" + ToolsVolume.MOUNT + "/labdeck-term; [ -x \"$t\" ]"
            + " || t=/usr/local/libexec/labdeck/labdeck-term; if [ -x \"$t\" ]; then exec \"$t\""
            + " open " + HOLDER_SOCKET + " -- \"$@\"; fi; exec \"$@\"";
    /** Input the shell has not taken: pause the sender past HIGH, resume under LOW, refuse past LIMIT. */
    private static final long INPUT_LIMIT = 16L << 20;
    private static final long INPUT_HIGH = 1L << 20;
    private static final long INPUT_LOW = 256L << 10;
    /** A read at least this large means output is streaming (a flood, a long listing), not an echo. */
    private static final int FLOOD_READ = 512;
    private static final java.time.Duration FLOOD_PAUSE = java.time.Duration.ofMillis(1);

    private final DockerClient docker;
    private final String execId;
    private final QueueInputStream stdin;
    /** Whether the exec attaches to a terminal container's holder on pipes: framed input, multiplexed output. */
    private final boolean piped;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DockerHttpClient.Response response;

    private DockerTty(DockerClient docker, String execId, boolean piped, TtyOutput output) {
        this.docker = docker;
        this.execId = execId;
        this.piped = piped;
        this.stdin = new QueueInputStream(INPUT_LIMIT, INPUT_HIGH, INPUT_LOW, output::inputDrained);
    }

    static DockerTty open(DockerClient docker, DockerHttpClient http, String sessionId, String containerId,
            SandboxMode mode, TtyRequest request, TtyOutput output) {
        List<String> env = new ArrayList<>(List.of("TERM=xterm-256color", "LANG=C.UTF-8"));
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        DockerTty tty;
        try {
            Optional<String> terminal = TerminalContainer.running(docker, sessionId);
            boolean piped = terminal.isPresent();
            String execId = piped
                    ? docker.execCreateCmd(terminal.get()).withTty(false).withAttachStdin(true).withAttachStdout(true)
                            .withAttachStderr(true).withCmd(TerminalContainer.HOLDER, "attach",
                                    TerminalContainer.ATTACH_SOCKET).exec().getId()
                    : docker.execCreateCmd(containerId).withTty(true).withAttachStdin(true).withAttachStdout(true)
                            .withAttachStderr(true).withEnv(env).withCmd(mode.where(held(request)).toArray(String[]::new))
                            .exec().getId();
            tty = new DockerTty(docker, execId, piped, output);
            tty.start(http, output);
            if (piped) {
                spawn(docker, containerId, mode, request, env);
            }
        } catch (RuntimeException e) {
            throw new SandboxFailedException("The sandbox is not running.", e.toString(), e);
        }
        tty.resize(request.size());
        return tty;
    }

    private void start(DockerHttpClient http, TtyOutput output) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/exec/" + execId + "/start")
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "Upgrade")
                .putHeader("Upgrade", "tcp")
                .bodyBytes(("{\"Detach\":false,\"Tty\":" + !piped + "}").getBytes(StandardCharsets.UTF_8))
                .hijackedInput(stdin)
                .build();
        response = http.execute(request);
        if (response.getStatusCode() / 100 != 1 && response.getStatusCode() / 100 != 2) {
            int status = response.getStatusCode();
            response.close();
            throw new IllegalStateException("exec start answered " + status);
        }
        // A platform thread, unlike every other docker stream here: a terminal's echo waits on this thread's wake-up,
        // and a virtual thread's passes through the poller and a carrier first. Measured with bench/run.sh terminal:
        // echo p50 0.57-0.59 ms and p99 4.2-4.6 ms on a platform thread, p50 0.65-0.91 and p99 4.3-6.0 on a virtual
        // one. There is one per open terminal, a few hundred at most, and it spends its life blocked in read.
        Thread.ofPlatform().daemon().name("tty-" + execId.substring(0, 12)).start(() -> read(output));
    }

    private void read(TtyOutput output) {
        byte[] buffer = new byte[READ_BUFFER];
        StreamDemux demux = piped ? new StreamDemux() : null;
        try (InputStream in = response.getBody()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                byte[] data = demux != null ? demux.feed(buffer, n) : Arrays.copyOf(buffer, n);
                if (data.length > 0) {
                    deliver(output, data);
                }
                if (n >= FLOOD_READ) {
                    // Output is streaming: let it gather for a moment, so the next read takes kilobytes, not the
                    // few hundred bytes dockerd writes at a time. Echoes and prompts are small reads and never wait.
                    Thread.sleep(FLOOD_PAUSE);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                LOG.debugf("terminal stream %s ended: %s", execId, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stdin.close();
            output.closed();
        }
    }

    /** A receiver that throws is a bug on our side, not the shell's end: it is logged and the stream goes on. */
    private void deliver(TtyOutput output, byte[] data) {
        try {
            output.bytes(data);
        } catch (RuntimeException e) {
            LOG.errorf(e, "terminal %s: its output could not be handled (the shell goes on)", execId);
        }
    }

    @Override
    public boolean write(byte[] data) {
        return stdin.offer(piped ? HeldInput.data(data) : data);
    }

    @Override
    public boolean inputBacklogged() {
        return stdin.backlogged();
    }

    /** Docker accepts a resize only once the exec runs; the first may race its start, so it is retried briefly. */
    @Override
    public void resize(TtySize size) {
        if (piped) {
            stdin.offer(HeldInput.size(size));
            return;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                docker.resizeExecCmd(execId).withSize(size.rows(), size.cols()).exec();
                return;
            } catch (RuntimeException e) {
                if (closed.get()) {
                    return;
                }
                sleep(25);
            }
        }
        LOG.debugf("resize of %s to %s did not take", execId, size);
    }

    private static List<String> held(TtyRequest request) {
        List<String> held = new ArrayList<>(List.of("sh", "-c", HOLD, "labdeck-shell"));
        held.addAll(request.command());
        return held;
    }

    /** The shell, in the sandbox, on the terminal container's pty; it does nothing when a shell runs there already. */
    private static void spawn(DockerClient docker, String containerId, SandboxMode mode, TtyRequest request,
            List<String> env) {
        List<String> argv = new ArrayList<>(List.of(TerminalContainer.HOLDER, "spawn", TerminalContainer.SPAWN_SOCKET,
                "--"));
        argv.addAll(request.command());
        String id = docker.execCreateCmd(containerId).withEnv(env).withCmd(mode.where(argv).toArray(String[]::new))
                .exec().getId();
        try (var started = docker.execStartCmd(id).withDetach(true).exec(new ResultCallback.Adapter<>())) {
            started.awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.debugf("spawn %s: %s", id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stdin.close();
            DockerHttpClient.Response current = response;
            if (current != null) {
                current.close();
            }
        }
    }
}
