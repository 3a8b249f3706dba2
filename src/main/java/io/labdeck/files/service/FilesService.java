package io.labdeck.files.service;

import java.io.InputStream;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.files.FilesConfig;
import io.labdeck.files.LengthRequiredException;
import io.labdeck.sandbox.FilePath;
import io.labdeck.sandbox.FileProblemException;
import io.labdeck.sandbox.FileStat;
import io.labdeck.sandbox.FileTree;
import io.labdeck.sandbox.SandboxFiles;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TreeLimits;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.SessionState;
import io.labdeck.session.lifecycle.SessionOwnership;

/**
 * Files in a session's working directory, for its owner only: paths are checked here first (no {@code ..}, nothing
 * absolute) and again inside the sandbox (symlinks), sizes against the caps before anything streams.
 */
@ApplicationScoped
public class FilesService {

    private final SessionOwnership sessions;
    private final SandboxFiles files;
    private final FilesConfig config;

    public FilesService(SessionOwnership sessions, SandboxFiles files, FilesConfig config) {
        this.sessions = sessions;
        this.files = files;
        this.config = config;
    }

    /** Writes the body to the file at {@code rawPath}, making missing folders. */
    public void upload(String sessionId, OwnerToken owner, String rawPath, OptionalLong length, InputStream body) {
        SandboxRef sandbox = sandbox(sessionId, owner);
        FilePath path = FilePath.of(rawPath);
        if (path.root()) {
            throw new FileProblemException(FileProblemException.Kind.INVALID_PATH, "An upload needs a file's path"
                    + " (path=...), not the working directory itself.");
        }
        if (length.isEmpty()) {
            throw new LengthRequiredException("The upload of '" + path + "' has no Content-Length; send the file's"
                    + " length (browsers and curl --data-binary @FILE do).");
        }
        long max = config.maxUpload().asLongValue();
        if (length.getAsLong() > max) {
            throw new FileProblemException(FileProblemException.Kind.TOO_LARGE, "'" + path + "' is "
                    + length.getAsLong() + " bytes; uploads may be at most " + max + " bytes.");
        }
        files.write(sandbox, path, body, length.getAsLong());
    }

    /** The file at {@code rawPath}, or a tar of the folder, checked against the download cap. */
    public Download download(String sessionId, OwnerToken owner, String rawPath) {
        SandboxRef sandbox = sandbox(sessionId, owner);
        FilePath path = FilePath.of(rawPath);
        FileStat stat = files.stat(sandbox, path);
        long max = config.maxDownload().asLongValue();
        if (stat.size() > max) {
            throw new FileProblemException(FileProblemException.Kind.TOO_LARGE, "'" + path + "' is " + stat.size()
                    + " bytes" + (stat.folder() ? " on disk" : "") + "; downloads may be at most " + max + " bytes.");
        }
        String name = path.root() ? "labdeck-" + sessionId : path.name();
        // A folder's tar adds headers to its disk use; the stream is cut off only well past the cap.
        long limit = stat.folder() ? max + Math.max(1L << 20, max / 8) : max;
        return new Download(stat.folder() ? name + ".tar" : name, stat.folder(), stat.size(),
                out -> files.read(sandbox, path, out, limit));
    }

    /** The folder at {@code rawPath} for the editor's file tree, bounded by the configured depth and entries. */
    public FileTree tree(String sessionId, OwnerToken owner, String rawPath) {
        SandboxRef sandbox = sandbox(sessionId, owner);
        return files.list(sandbox, FilePath.of(rawPath), new TreeLimits(config.treeDepth(), config.treeEntries()));
    }

    private SandboxRef sandbox(String sessionId, OwnerToken owner) {
        LabSession session = sessions.used(sessionId, owner);
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            throw new SessionNotReadyException("This session's sandbox is " + session.state().word()
                    + "; files can be moved once it is ready.");
        }
        return new SandboxRef(session.id(), session.sandboxId().get());
    }
}
