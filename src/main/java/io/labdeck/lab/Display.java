package io.labdeck.lab;

import java.nio.file.Path;

/** Paths in messages: relative to the working directory when inside it, as authors think of them. */
final class Display {

    private Display() {
    }

    static String path(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
