package io.labdeck.sandbox;

import java.util.List;

/**
 * A bounded listing of a folder in the working directory.
 *
 * @param path      the folder listed, relative to the working directory (empty for itself)
 * @param entries   what is in it, folders before files, by path
 * @param truncated whether entries were left out at the cap
 */
public record FileTree(String path, List<FileEntry> entries, boolean truncated) {

    public FileTree {
        entries = List.copyOf(entries);
    }
}
