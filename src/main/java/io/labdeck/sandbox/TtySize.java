package io.labdeck.sandbox;

/**
 * A terminal's size. One record, so columns and rows can never be swapped.
 *
 * @param cols columns, 1..1000
 * @param rows rows, 1..1000
 */
public record TtySize(int cols, int rows) {

    public TtySize {
        if (cols < 1 || cols > 1000 || rows < 1 || rows > 1000) {
            throw new IllegalArgumentException("terminal size out of range: " + cols + "x" + rows);
        }
    }
}
