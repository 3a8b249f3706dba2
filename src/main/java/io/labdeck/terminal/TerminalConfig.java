package io.labdeck.terminal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live terminal: replay, buffers, the shell, recordings and allowed origins. */
@ConfigMapping(prefix = "labdeck.terminal")
public interface TerminalConfig {

    /** Output kept for replay on reconnect; at least this much is replayed (whole lines where possible). */
    @WithDefault("64K")
    MemorySize replay();

    /** The shell started in the sandbox: bash as a login shell where there is one, else sh. */
    @WithDefault("/bin/sh,-c,if [ -x /bin/bash ]; then exec /bin/bash -l; else exec /bin/sh -l; fi")
    List<String> shell();

    /**
     * How far one viewer may fall behind the output before it is dropped (its page reconnects and gets the replay).
     * Nobody waits for a slow viewer: not the shell, not the other viewers.
     */
    @WithDefault("4M")
    MemorySize viewerBacklog();

    /** The most a session's recording may grow to, in bytes on disk; output past it is not recorded. */
    @WithDefault("32M")
    MemorySize maxRecording();

    /** Where asciicast recordings are written; empty means {@code $LABDECK_DATA/recordings} (./data/recordings). */
    Optional<String> recordingsDir();

    /**
     * Origins allowed to open terminals besides the server's own (scheme://host:port). Browsers send Origin on
     * websockets; a page elsewhere must not drive a learner's shell with their cookie.
     */
    Optional<List<String>> allowedOrigins();

    /** How often an attached terminal tells the session it is in use. */
    @WithDefault("30s")
    Duration activityInterval();
}
