package io.labdeck.sandbox;

/**
 * One entry of a working directory's listing.
 *
 * @param path where it is, relative to the working directory
 * @param name its last segment
 * @param type {@code file}, {@code dir} or {@code link}
 * @param size bytes for a file, 0 otherwise
 */
public record FileEntry(String path, String name, String type, long size) {
}
