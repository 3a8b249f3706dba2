package io.labdeck.sandbox;

/**
 * What a path in the working directory is.
 *
 * @param folder whether it is a folder (downloaded as a tar)
 * @param size   a file's bytes, or a folder's disk use in bytes (rounded up to KiB): what a download would carry
 */
public record FileStat(boolean folder, long size) {
}
