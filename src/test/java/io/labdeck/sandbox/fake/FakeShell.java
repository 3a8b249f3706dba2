package io.labdeck.sandbox.fake;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;

import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;

/**
 * The shell of one fake sandbox, kept between attachments as the sandbox's holder keeps a real one: it echoes what it
 * is sent, keeps its output for the next attachment, and ends on "exit". A test can make it print, hold its input
 * (a shell that does not read), or let it go again.
 */
public final class FakeShell {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicLong unread = new AtomicLong();
    private volatile Attachment current;
    private volatile boolean holding;
    private volatile TtySize size = new TtySize(80, 24);
    private final long limit;
    private final long high;

    FakeShell(long limit, long high) {
        this.limit = limit;
        this.high = high;
    }

    synchronized TtySession attach(TtyOutput output) {
        Attachment a = new Attachment(output);
        Attachment before = current;
        current = a;
        if (before != null && !before.closed) {
            before.closed = true;
            before.output.closed(); // replaced, as the holder drops its earlier client
        }
        if (kept.size() > 0) {
            output.bytes(kept.toByteArray());
        }
        return a;
    }

    /** Output as if the shell printed it. */
    public synchronized void print(byte[] data) {
        kept.write(data, 0, data.length);
        Attachment a = current;
        if (a != null && !a.closed) {
            a.output.bytes(data.clone());
        }
    }

    /** Whether the shell reads its input (false: it piles up, as behind a busy program). */
    public void hold(boolean hold) {
        holding = hold;
        if (!hold) {
            unread.set(0);
            Attachment a = current;
            if (a != null) {
                a.output.inputDrained();
            }
        }
    }

    public TtySize size() {
        return size;
    }

    /** Input the shell holds unread. */
    public long unread() {
        return unread.get();
    }

    private final class Attachment implements TtySession {
        private final TtyOutput output;
        private volatile boolean closed;

        Attachment(TtyOutput output) {
            this.output = output;
        }

        @Override
        public boolean write(byte[] data) {
            if (holding) {
                if (unread.addAndGet(data.length) > limit) {
                    unread.addAndGet(-data.length);
                    return false;
                }
                return true;
            }
            String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
            print(data);
            if (text.contains("exit\r")) {
                closed = true;
                synchronized (FakeShell.this) {
                    kept.reset(); // the next attachment gets a new shell, with nothing behind it
                }
                output.closed();
            }
            return true;
        }

        @Override
        public boolean inputBacklogged() {
            return holding && unread.get() > high;
        }

        @Override
        public void resize(TtySize newSize) {
            size = newSize;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
