package io.labdeck.lab;

import java.util.OptionalInt;

/**
 * What is wrong with a lab file, and where.
 *
 * @param file    the file, as a path the author recognises
 * @param line    1-based line, when the parser gives one
 * @param message what is wrong, and how to fix it where that is clear
 */
public record LabProblem(String file, OptionalInt line, String message) {

    public static LabProblem at(String file, int line, String message) {
        return new LabProblem(file, line > 0 ? OptionalInt.of(line) : OptionalInt.empty(), message);
    }

    public static LabProblem in(String file, String message) {
        return new LabProblem(file, OptionalInt.empty(), message);
    }

    @Override
    public String toString() {
        return file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": " + message;
    }
}
