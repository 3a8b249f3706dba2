package io.labdeck.files;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Moving files in and out of a session's working directory: size caps and how much a listing shows. */
@ConfigMapping(prefix = "labdeck.files")
public interface FilesConfig {

    /**
     * The largest file an upload (or an editor's save) may write; larger gives 413 before a byte is read. The HTTP
     * server's own body limit, {@code quarkus.http.limits.max-body-size}, must be at least this (it is 21M).
     */
    @WithDefault("20M")
    MemorySize maxUpload();

    /** The largest download, a file or a folder's tar (a folder counts by its disk use); larger gives 413. */
    @WithDefault("100M")
    MemorySize maxDownload();

    /** How many levels below the listed folder the editor's file tree shows. */
    @WithDefault("4")
    int treeDepth();

    /** The most entries one listing returns; the rest is left out and the listing says it was truncated. */
    @WithDefault("2000")
    int treeEntries();
}
