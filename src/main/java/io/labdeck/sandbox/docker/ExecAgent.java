package io.labdeck.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;

/**
 * A long-lived shell in one sandbox that runs {@code sh -c} probes on request (exec-agent.sh): a docker exec costs
 * 100-150 ms here, a request to the agent a few forks. A probe's output is limited by {@code ulimit -f} (512 KiB),
 * so a flood ends with exit 153 (SIGXFSZ) rather than at its deadline. One request at a time; a caller that finds
 * the agent busy or dead gets empty and uses a plain exec. A learner who kills the agent costs only speed: the next
 * probe starts a new one.
 */
final class ExecAgent implements AutoCloseable {

    private static final String SCRIPT = loadScript();
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final AtomicLong IDS = new AtomicLong();

    private final ReentrantLock busy = new ReentrantLock();
    private final QueueInputStream stdin = new QueueInputStream();
    private final Output output = new Output();

    private ExecAgent() {
    }

    static ExecAgent start(DockerClient docker, String containerId) {
        ExecAgent agent = new ExecAgent();
        String execId = docker.execCreateCmd(containerId).withCmd("sh", "-c", SCRIPT).withAttachStdin(true)
                .withAttachStdout(true).withAttachStderr(false).withTty(false).exec().getId();
        docker.execStartCmd(execId).withTty(false).withStdIn(agent.stdin).exec(agent.output);
        return agent;
    }

    boolean alive() {
        return !output.ended;
    }

    /** Runs the request if the agent is free and alive; empty means "use a plain exec". */
    Optional<ExecResult> run(ExecRequest request, String script) {
        if (!alive() || !busy.tryLock()) {
            return Optional.empty();
        }
        try {
            long id = IDS.incrementAndGet();
            long started = System.nanoTime();
            long seconds = Math.max(1, request.timeout().toSeconds());
            stdin.offer((id + " " + seconds + " " + request.maxOutputBytes() + " "
                    + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long deadline = started + request.timeout().plus(GRACE).toNanos();
            return output.answer(id, deadline, request.maxOutputBytes()).map(a -> {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                boolean timedOut = a.exit() == 137 && elapsed.compareTo(request.timeout()) >= 0;
                // One cap for both streams together, as the plain exec path has.
                int cap = request.maxOutputBytes();
                byte[] out = Arrays.copyOf(a.stdout(), Math.min(cap, a.stdout().length));
                byte[] err = Arrays.copyOf(a.stderr(), Math.min(cap - out.length, a.stderr().length));
                boolean truncated = a.printed() > cap;
                return new ExecResult(a.exit(), new String(out, StandardCharsets.UTF_8),
                        new String(err, StandardCharsets.UTF_8), timedOut, truncated, elapsed);
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

    /** An answer: the exit code, what was sent of each stream, and how much each stream really printed. */
    private record Answer(long id, int exit, byte[] stdout, byte[] stderr, long printed) {
    }

    /** The agent's stdout: answers, each a header line and its bytes, parsed as they complete. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private volatile boolean ended;

        @Override
        public void onNext(Frame frame) {
            synchronized (this) {
                buffer.write(frame.getPayload(), 0, frame.getPayload().length);
                notifyAll();
            }
        }

        @Override
        public void onComplete() {
            end();
        }

        @Override
        public void onError(Throwable throwable) {
            end();
        }

        private synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Waits for the answer to {@code id}; empty if the agent died or the deadline passed (it is then ended). */
        synchronized Optional<Answer> answer(long id, long deadline, int cap) {
            try {
                while (true) {
                    Optional<Answer> next = parse(cap);
                    if (next.isPresent() && next.get().id() == id) {
                        return next;
                    }
                    if (next.isPresent()) {
                        continue; // a stale answer to a request that was given up on
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

        private Optional<Answer> parse(int cap) {
            byte[] all = buffer.toByteArray();
            int eol = indexOf(all, (byte) '\n');
            if (eol < 0) {
                return Optional.empty();
            }
            String[] head = new String(all, 0, eol, StandardCharsets.US_ASCII).trim().split(" ");
            if (head.length != 5 || !head[0].equals("LABDECK-AGENT")) {
                ended = true; // not our protocol: someone wrote to the agent's stdout
                return Optional.empty();
            }
            long answerId;
            int exit;
            long outSize;
            long errSize;
            try {
                answerId = Long.parseLong(head[1]);
                exit = Integer.parseInt(head[2]);
                outSize = Long.parseLong(head[3]);
                errSize = Long.parseLong(head[4]);
            } catch (NumberFormatException e) {
                ended = true;
                return Optional.empty();
            }
            int out = (int) Math.min(cap, outSize);
            int err = (int) Math.min(cap, errSize);
            int start = eol + 1;
            if (all.length < start + out + err) {
                return Optional.empty();
            }
            buffer.reset();
            buffer.write(all, start + out + err, all.length - start - out - err);
            return Optional.of(new Answer(answerId, exit,
                    Arrays.copyOfRange(all, start, start + out), Arrays.copyOfRange(all, start + out, start + out + err),
                    outSize + errSize));
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

    private static String loadScript() {
        try (InputStream in = ExecAgent.class.getResourceAsStream("exec-agent.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("exec-agent.sh is missing from the build", e));
        }
    }
}
