package io.labdeck.check;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How check results are reported. Deadlines come from each step's {@code timeout} (default 15 s). */
@ConfigMapping(prefix = "labdeck.check")
public interface CheckConfig {

    /** How many of the script's last output lines make up the message when it prints no {@code FAIL:} line. */
    @WithDefault("8")
    int messageLines();

    /** The most characters of a message; longer ones keep their end, where the reason usually is. */
    @WithDefault("1000")
    int messageChars();

    /** Output a check may print before the rest is dropped (the stream is still drained). */
    @WithDefault("65536")
    int maxOutputBytes();
}
