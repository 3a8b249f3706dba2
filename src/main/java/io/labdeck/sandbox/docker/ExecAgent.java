package io.labdeck.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;

/**
 * The exec agent of one sandbox: a long-lived {@code labdeck-agent} (deploy/images/files/labdeck-agent.c) that runs
 * {@code sh -c} probes on request, a fork and an exec each where a docker exec costs 100-150 ms. The agent is
 * non-dumpable, so no learner process can read its memory or write into its output; each request carries a random
 * nonce that only Labdeck and the agent know, and an answer counts only if it repeats it. One request at a time; a
 * caller that finds the agent busy or dead gets empty and uses a plain exec.
 */
final class ExecAgent implements AutoCloseable {

    /**
     * From the read-only tools mount, which no learner can change (ToolsVolume), when the sandbox has it; else the
     * image's own copy. Started directly, not through the image's shell, which a learner may have replaced.
     */
    private static final String MOUNTED = ToolsVolume.MOUNT + "/labdeck-agent";
    private static final String IMAGES = "/usr/local/libexec/labdeck/labdeck-agent";
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReentrantLock busy = new ReentrantLock();
    private final QueueInputStream stdin = new QueueInputStream();
    private final Output output = new Output();
    private volatile boolean answered;

    private ExecAgent() {
    }

    /** Starts the agent; in a rootless sandbox it runs each script through labdeck-enter. */
    static ExecAgent start(DockerClient docker, String containerId, SandboxMode mode) {
        ExecAgent agent = new ExecAgent();
        boolean mounted = docker.inspectContainerCmd(containerId).exec().getMounts().stream()
                .anyMatch(m -> m.getDestination() != null && ToolsVolume.MOUNT.equals(m.getDestination().getPath()));
        List<String> argv = new ArrayList<>(List.of(mounted ? MOUNTED : IMAGES));
        if (mode == SandboxMode.ROOTLESS) {
            argv.add(SandboxMode.ENTER);
        }
        String execId = docker.execCreateCmd(containerId).withCmd(argv.toArray(String[]::new)).withAttachStdin(true)
                .withAttachStdout(true).withAttachStderr(false).withTty(false).exec().getId();
        docker.execStartCmd(execId).withTty(false).withStdIn(agent.stdin).exec(agent.output);
        return agent;
    }

    boolean alive() {
        return !output.ended;
    }

    /** Whether the agent's process ended before it ever answered: the image has no agent (or cannot run it). */
    boolean missing() {
        return output.streamEnded && !answered;
    }

    /** Runs the request if the agent is free and alive; empty means "use a plain exec". */
    Optional<ExecResult> run(ExecRequest request, String script) {
        if (!alive() || !busy.tryLock()) {
            return Optional.empty();
        }
        try {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            String hex = HexFormat.of().formatHex(nonce);
            long started = System.nanoTime();
            byte[] body = script.getBytes(StandardCharsets.UTF_8);
            byte[] head = (hex + " " + Math.max(1, request.timeout().toSeconds()) + " " + request.maxOutputBytes()
                    + " " + body.length + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] message = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, message, head.length, body.length);
            stdin.offer(message);
            long deadline = started + request.timeout().plus(GRACE).toNanos();
            return output.answer(hex, deadline).map(a -> {
                answered = true;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                boolean timedOut = a.exit() == 137 && elapsed.compareTo(request.timeout()) >= 0;
                // One cap for both streams together, as the plain exec path has.
                int cap = request.maxOutputBytes();
                byte[] out = Arrays.copyOf(a.stdout(), Math.min(cap, a.stdout().length));
                byte[] err = Arrays.copyOf(a.stderr(), Math.min(cap - out.length, a.stderr().length));
                return new ExecResult(a.exit(), new String(out, StandardCharsets.UTF_8),
                        new String(err, StandardCharsets.UTF_8), timedOut, a.printed() > cap, elapsed);
            });
        } finally {
            busy.unlock();
        }
    }

    @Override
    public void close() {
        stdin.close();
        try {
            output.close();
        } catch (IOException e) {
            // closing a finished stream
        }
    }

    /** An answer: its nonce, the exit code, what was sent of each stream, and how much both printed in all. */
    private record Answer(String nonce, int exit, byte[] stdout, byte[] stderr, long printed) {

        boolean answers(String expected) {
            return MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The agent's stdout: answers, each a header line and its bytes, parsed as they complete. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        /** Given up on: ended, or not to be trusted any more. */
        private volatile boolean ended;
        /** The agent's output stream itself ended (its process exited). */
        private volatile boolean streamEnded;

        @Override
        public void onNext(Frame frame) {
            synchronized (this) {
                buffer.write(frame.getPayload(), 0, frame.getPayload().length);
                notifyAll();
            }
        }

        @Override
        public void onComplete() {
            streamEnded = true;
            end();
        }

        @Override
        public void onError(Throwable throwable) {
            streamEnded = true;
            end();
        }

        private synchronized void end() {
            ended = true;
            notifyAll();
        }

        /**
         * Waits for the answer carrying {@code nonce}. Anything else (a wrong nonce, bytes that are no answer) means
         * the stream is not what the agent wrote: the agent is given up and the caller falls back to a plain exec,
         * which Docker itself answers. Empty too if it died or the deadline passed.
         */
        synchronized Optional<Answer> answer(String nonce, long deadline) {
            try {
                while (true) {
                    Optional<Answer> next = parse();
                    if (next.isPresent()) {
                        if (next.get().answers(nonce)) {
                            return next;
                        }
                        ended = true;
                        return Optional.empty();
                    }
                    long left = deadline - System.nanoTime();
                    if (ended || left <= 0) {
                        ended = true;
                        return Optional.empty();
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true;
                return Optional.empty();
            }
        }

        private Optional<Answer> parse() {
            byte[] all = buffer.toByteArray();
            int eol = indexOf(all, (byte) '\n');
            if (eol < 0) {
                if (all.length > 512) {
                    ended = true; // no header is that long
                }
                return Optional.empty();
            }
            String[] head = new String(all, 0, eol, StandardCharsets.US_ASCII).split(" ");
            if (head.length != 7 || !head[0].equals("LABDECK-AGENT")) {
                ended = true;
                return Optional.empty();
            }
            try {
                int exit = Integer.parseInt(head[2]);
                int out = Integer.parseInt(head[3]);
                int err = Integer.parseInt(head[4]);
                long printed = Long.parseLong(head[5]) + Long.parseLong(head[6]);
                int start = eol + 1;
                if (all.length < start + out + err) {
                    return Optional.empty();
                }
                buffer.reset();
                buffer.write(all, start + out + err, all.length - start - out - err);
                return Optional.of(new Answer(head[1], exit, Arrays.copyOfRange(all, start, start + out),
                        Arrays.copyOfRange(all, start + out, start + out + err), printed));
            } catch (NumberFormatException e) {
                ended = true;
                return Optional.empty();
            }
        }

        private static int indexOf(byte[] bytes, byte b) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }
    }
}
