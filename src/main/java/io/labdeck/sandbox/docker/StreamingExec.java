package io.labdeck.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;

import io.labdeck.sandbox.SandboxFailedException;

/**
 * A command whose stdin and stdout stream, for files: the body of an upload goes to its stdin as it arrives, and its
 * stdout goes to a download as it comes, with stderr kept (capped) for the error message. Started as a raw hijacked
 * request, as {@link DockerTty} is: docker-java's frame callback hands over 1 KiB at a time. The transport never
 * half-closes the connection, so the command cannot see the end of its stdin: it must read an announced length
 * (the upload script's {@code head -c}). A deadline, a stdout over its limit, or a body that fails closes the
 * connection, which ends the command's stdin and output.
 */
final class StreamingExec {

    private static final int BUFFER = 64 * 1024;
    private static final int STDERR_CAP = 4096;

    /**
     * How it ended.
     *
     * @param exitCode   the command's exit code; -1 when it was cut off
     * @param stderr     its stderr, capped
     * @param overLimit  whether stdout passed the limit (and was cut off)
     * @param timedOut   whether the deadline cut it off
     * @param inputFailed whether the body given as stdin failed or ended early
     */
    record Outcome(int exitCode, String stderr, boolean overLimit, boolean timedOut, boolean inputFailed) {
    }

    /**
     * The command, what to stream and how long it may take.
     *
     * @param argv    the command, as run where the learner works
     * @param env     its environment additions
     * @param stdin   {@code length} bytes for its stdin, or null for none
     * @param length  how many bytes of {@code stdin} to send
     * @param stdout  where its stdout goes, or null to drop it
     * @param limit   stdout beyond this cuts it off
     * @param timeout the deadline for the whole run
     */
    record Run(List<String> argv, Map<String, String> env, InputStream stdin, long length, OutputStream stdout,
            long limit, Duration timeout) {
    }

    private StreamingExec() {
    }

    static Outcome run(DockerClient docker, DockerHttpClient http, String containerId, Run run) {
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withAttachStdin(run.stdin() != null).withAttachStdout(true)
                    .withAttachStderr(true).withTty(false)
                    .withEnv(run.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withCmd(run.argv().toArray(String[]::new)).exec().getId();
        } catch (RuntimeException e) {
            throw new SandboxFailedException("The sandbox is not running.", e.toString(), e);
        }
        Cut cut = new Cut();
        Input input = run.stdin() == null ? null : new Input(run.stdin(), run.length(), cut);
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/exec/" + execId + "/start")
                .putHeader("Content-Type", "application/json").putHeader("Connection", "Upgrade")
                .putHeader("Upgrade", "tcp")
                .bodyBytes("{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8))
                .hijackedInput(input == null ? InputStream.nullInputStream() : input).build();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        boolean overLimit = false;
        try (DockerHttpClient.Response response = http.execute(request)) {
            cut.response = response;
            if (cut.cut.get()) {
                response.close();
            }
            CompletableFuture.delayedExecutor(run.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> cut.cut(true));
            overLimit = pump(response.getBody(), run, stderr, cut);
        } catch (IOException | RuntimeException e) {
            if (!cut.cut.get() && (input == null || !input.failed)) {
                throw new SandboxFailedException("The sandbox's files could not be reached.", e.toString(), e);
            }
        } finally {
            cut.done.set(true);
        }
        boolean interrupted = cut.cut.get() || overLimit;
        int exit = interrupted ? -1 : exitCode(docker, execId);
        return new Outcome(exit, stderr.toString(StandardCharsets.UTF_8), overLimit, cut.timedOut,
                input != null && input.failed);
    }

    /** Copies the multiplexed stream: stdout to the run's output, stderr (capped) aside. True when over the limit. */
    private static boolean pump(InputStream in, Run run, ByteArrayOutputStream stderr, Cut cut) throws IOException {
        byte[] header = new byte[8];
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        while (in.readNBytes(header, 0, 8) == 8) {
            long remaining = (header[4] & 0xffL) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8
                    | (header[7] & 0xff);
            boolean out = header[0] == 1;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    return false;
                }
                remaining -= n;
                if (!out) {
                    stderr.write(buffer, 0, Math.max(0, Math.min(n, STDERR_CAP - stderr.size())));
                } else if (run.stdout() != null) {
                    written += n;
                    if (written > run.limit()) {
                        cut.cut(false);
                        return true;
                    }
                    run.stdout().write(buffer, 0, n);
                }
            }
        }
        return false;
    }

    /** The exit code once the exec is done; it may lag the end of its stream by a moment. */
    private static int exitCode(DockerClient docker, String execId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            var inspected = docker.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(inspected.isRunning()) || System.nanoTime() > deadline) {
                Long code = inspected.getExitCodeLong();
                return code == null ? -1 : code.intValue();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** Ends a run early by closing its connection: the command's stdin ends and its output stops. */
    private static final class Cut {
        final AtomicBoolean cut = new AtomicBoolean();
        final AtomicBoolean done = new AtomicBoolean();
        volatile DockerHttpClient.Response response;
        volatile boolean timedOut;

        void cut(boolean deadline) {
            if (done.get() || !cut.compareAndSet(false, true)) {
                return;
            }
            timedOut = deadline;
            DockerHttpClient.Response current = response;
            if (current != null) {
                current.close();
            }
        }
    }

    /** Exactly {@code length} bytes of the body; a body that fails or ends early cuts the run. */
    private static final class Input extends InputStream {
        private final InputStream body;
        private final Cut cut;
        private long left;
        volatile boolean failed;

        Input(InputStream body, long length, Cut cut) {
            this.body = body;
            this.left = length;
            this.cut = cut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n;
            try {
                n = body.read(b, off, (int) Math.min(len, left));
            } catch (IOException | RuntimeException e) {
                fail();
                throw e;
            }
            if (n < 0) {
                fail();
                return -1;
            }
            left -= n;
            return n;
        }

        private void fail() {
            failed = true;
            cut.cut(false);
        }
    }
}
