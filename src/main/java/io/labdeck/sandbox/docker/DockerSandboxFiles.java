package io.labdeck.sandbox.docker;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.FileEntry;
import io.labdeck.sandbox.FilePath;
import io.labdeck.sandbox.FileProblemException;
import io.labdeck.sandbox.FileProblemException.Kind;
import io.labdeck.sandbox.FileStat;
import io.labdeck.sandbox.FileTree;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxFiles;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TreeLimits;

/**
 * Files through commands in the sandbox, run where the learner's shell runs ({@link SandboxMode#where}: in a
 * rootless sandbox inside the engine's namespaces) and as its user, so a saved file is the one the shell and
 * {@code docker build} see, owned by the learner. Docker's archive API is not used: it reads the container's root
 * filesystem from the host, which is not what a shell in the rootless engine's mount namespace or on gVisor's own
 * kernel sees. The working directory is the container's, where the shell starts ({@link ContainerSpec#HOME}).
 */
@ApplicationScoped
public class DockerSandboxFiles implements SandboxFiles {

    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final Duration STREAM = Duration.ofMinutes(5);

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final DockerSandboxProvisioner sandboxes;

    public DockerSandboxFiles(DockerClient docker, DockerHttpClient http, DockerSandboxProvisioner sandboxes) {
        this.docker = docker;
        this.http = http;
        this.sandboxes = sandboxes;
    }

    @Override
    public FileStat stat(SandboxRef sandbox, FilePath path) {
        ExecResult result = probe(sandbox, FileScripts.STAT, env(path), 1024);
        check(path, result.exitCode(), result.stderr(), result.timedOut());
        String[] words = result.stdout().strip().split("\\s+");
        if (words.length != 2) {
            throw new SandboxFailedException("The sandbox's files could not be read.", "stat said " + result);
        }
        boolean folder = words[0].equals("dir");
        long size = Long.parseLong(words[1]);
        return new FileStat(folder, folder ? size * 1024 : size);
    }

    @Override
    public void write(SandboxRef sandbox, FilePath path, InputStream body, long length) {
        Map<String, String> env = env(path);
        env.put("LABDECK_LENGTH", Long.toString(length));
        var outcome = stream(sandbox, new StreamingExec.Run(List.of("sh", "-c", FileScripts.WRITE), env, body, length,
                null, 0, STREAM));
        if (outcome.inputFailed()) {
            throw new FileProblemException(Kind.INCOMPLETE, "The upload of '" + path + "' ended before its "
                    + length + " bytes arrived; nothing was written.");
        }
        check(path, outcome.exitCode(), outcome.stderr(), outcome.timedOut());
    }

    @Override
    public void read(SandboxRef sandbox, FilePath path, OutputStream out, long limit) {
        var outcome = stream(sandbox, new StreamingExec.Run(List.of("sh", "-c", FileScripts.READ), env(path), null, 0,
                out, limit, STREAM));
        if (outcome.overLimit()) {
            throw new FileProblemException(Kind.TOO_LARGE, "'" + path + "' grew past the download limit of "
                    + limit + " bytes while it was sent; the download was cut off.");
        }
        check(path, outcome.exitCode(), outcome.stderr(), outcome.timedOut());
    }

    @Override
    public FileTree list(SandboxRef sandbox, FilePath path, TreeLimits limits) {
        Map<String, String> env = env(path);
        env.put("LABDECK_DEPTH", Integer.toString(Math.max(1, limits.depth())));
        env.put("LABDECK_ENTRIES", Integer.toString(limits.entries() + 1));
        ExecResult result = probe(sandbox, FileScripts.LIST, env, 512 * 1024);
        check(path, result.exitCode(), result.stderr(), result.timedOut());
        List<FileEntry> entries = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            entry(path, line).ifPresent(entries::add);
        }
        boolean truncated = entries.size() > limits.entries() || result.truncated();
        entries.sort(Comparator.comparing(FileEntry::path));
        return new FileTree(path.value(), truncated ? entries.subList(0, limits.entries()) : entries, truncated);
    }

    /** One line of the listing ({@code TYPE|SIZE|./PATH}), relative to the working directory; others are skipped. */
    static Optional<FileEntry> entry(FilePath folder, String line) {
        String[] parts = line.split("\\|", 3);
        if (parts.length != 3 || !parts[2].startsWith("./") || !parts[1].chars().allMatch(Character::isDigit)
                || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String type = parts[0].startsWith("regular") ? "file" : parts[0].equals("directory") ? "dir"
                : parts[0].equals("symbolic link") ? "link" : null;
        if (type == null) {
            return Optional.empty();
        }
        String relative = parts[2].substring(2);
        String path = folder.root() ? relative : folder.value() + "/" + relative;
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return Optional.of(new FileEntry(path, name, type, type.equals("file") ? Long.parseLong(parts[1]) : 0));
    }

    private ExecResult probe(SandboxRef sandbox, String script, Map<String, String> env, int maxOutput) {
        return sandboxes.exec(sandbox, new ExecRequest(List.of("sh", "-c", script), env, Optional.empty(),
                Optional.empty(), SHORT, maxOutput).asProbe());
    }

    private StreamingExec.Outcome stream(SandboxRef sandbox, StreamingExec.Run run) {
        SandboxMode mode = sandboxes.mode(sandbox);
        return StreamingExec.run(docker, http, sandbox.id(), new StreamingExec.Run(mode.where(run.argv()), run.env(),
                run.stdin(), run.length(), run.stdout(), run.limit(), run.timeout()));
    }

    private static Map<String, String> env(FilePath path) {
        return new java.util.HashMap<>(Map.of("LABDECK_ROOT", ContainerSpec.HOME, "LABDECK_FILE", path.value()));
    }

    /** Turns a script's failure into the learner's error, naming the path and why. */
    private static void check(FilePath path, int exit, String stderr, boolean timedOut) {
        if (timedOut) {
            throw new FileProblemException(Kind.INCOMPLETE, "Working on '" + path + "' took too long and was"
                    + " stopped.");
        }
        if (exit == 0) {
            return;
        }
        String why = stderr.strip().lines().reduce((a, b) -> b).orElse("the sandbox could not do it");
        String named = "'" + path + "'";
        throw switch (exit) {
            case FileScripts.Exit.OUTSIDE -> new FileProblemException(Kind.INVALID_PATH, "The path " + named
                    + " is refused: " + why + ".");
            case FileScripts.Exit.MISSING -> new FileProblemException(Kind.NOT_FOUND, named + " was not found: "
                    + why + ".");
            case FileScripts.Exit.WRONG_KIND -> new FileProblemException(Kind.CONFLICT, named + " cannot be used: "
                    + why + ".");
            case FileScripts.Exit.SHORT -> new FileProblemException(Kind.INCOMPLETE, named + " was not written: "
                    + why + ".");
            default -> new SandboxFailedException("The sandbox's files could not be reached.", "exit " + exit + ": "
                    + stderr);
        };
    }
}
