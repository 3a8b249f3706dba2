package io.labdeck.sandbox.docker;

import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;

/**
 * An interactive exec with a TTY. Output frames are copied before they are handed on: docker-java may reuse the
 * payload array for the next read.
 */
final class DockerTty implements TtySession {

    private static final Logger LOG = Logger.getLogger(DockerTty.class);

    private final DockerClient docker;
    private final String execId;
    private final QueueInputStream stdin = new QueueInputStream();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ResultCallback.Adapter<Frame> callback;

    private DockerTty(DockerClient docker, String execId) {
        this.docker = docker;
        this.execId = execId;
    }

    static DockerTty open(DockerClient docker, String containerId, TtyRequest request, TtyOutput output) {
        List<String> env = new ArrayList<>(List.of("TERM=xterm-256color", "LANG=C.UTF-8"));
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withTty(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true).withEnv(env).withCmd(request.command().toArray(String[]::new)).exec()
                    .getId();
        } catch (RuntimeException e) {
            throw new SandboxFailedException("The sandbox is not running.", e.toString(), e);
        }
        DockerTty tty = new DockerTty(docker, execId);
        tty.start(output);
        tty.resize(request.size());
        return tty;
    }

    private void start(TtyOutput output) {
        callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                output.bytes(frame.getPayload().clone());
            }

            @Override
            public void onError(Throwable error) {
                if (!(error instanceof ClosedByInterruptException) && !closed.get()) {
                    LOG.debugf(error, "terminal stream %s failed", execId);
                }
                finish(output);
            }

            @Override
            public void onComplete() {
                finish(output);
            }
        };
        docker.execStartCmd(execId).withTty(true).withStdIn(stdin).exec(callback);
    }

    private void finish(TtyOutput output) {
        stdin.close();
        output.closed();
    }

    @Override
    public void write(byte[] data) {
        stdin.offer(data);
    }

    /** Docker accepts a resize only once the exec runs; the first may race its start, so it is retried briefly. */
    @Override
    public void resize(TtySize size) {
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
            try {
                callback.close();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debugf("closing terminal %s: %s", execId, e);
            }
        }
    }
}
