package io.labdeck.sandbox;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Files in a sandbox's working directory, where the learner's shell sees them: in a rootless Docker sandbox that is
 * inside the engine's namespaces, and in a sandbox on its own kernel (gVisor) inside that kernel, so a backend works
 * through the sandbox itself, not the host's view of its disk. Files are written as the learner's user. Every path
 * is resolved inside the sandbox, symlinks included, and refused with {@link FileProblemException} when it leads
 * out of the working directory. Separate from {@link SandboxProvisioner}, which creates and runs sandboxes.
 */
public interface SandboxFiles {

    /**
     * What is at {@code path}.
     *
     * @throws FileProblemException when nothing is there or the path leads out
     */
    FileStat stat(SandboxRef sandbox, FilePath path);

    /**
     * Writes {@code length} bytes from {@code body} to the file at {@code path}, making missing folders. The file
     * appears whole or not at all; an existing file keeps its mode and owner.
     *
     * @throws FileProblemException when a folder is there, the path leads out, or the body ends early
     */
    void write(SandboxRef sandbox, FilePath path, InputStream body, long length);

    /**
     * Streams the file at {@code path}, or a tar of the folder, to {@code out}, stopping past {@code limit} bytes.
     *
     * @throws FileProblemException when nothing is there, the path leads out, or the stream passes the limit
     */
    void read(SandboxRef sandbox, FilePath path, OutputStream out, long limit);

    /** The folder at {@code path}, down to the limits; big generated folders (.git, node_modules) are not entered. */
    FileTree list(SandboxRef sandbox, FilePath path, TreeLimits limits);
}
