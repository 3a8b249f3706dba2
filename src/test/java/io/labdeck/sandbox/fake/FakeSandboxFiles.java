package io.labdeck.sandbox.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.labdeck.sandbox.FileEntry;
import io.labdeck.sandbox.FilePath;
import io.labdeck.sandbox.FileProblemException;
import io.labdeck.sandbox.FileProblemException.Kind;
import io.labdeck.sandbox.FileStat;
import io.labdeck.sandbox.FileTree;
import io.labdeck.sandbox.SandboxFiles;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TreeLimits;

/**
 * Working directories in memory: files by path (folders are the prefixes of their paths), and links that lead out,
 * made by {@link #linkOut}, so tests above the SPI see the refusals a real sandbox gives. A folder downloads as the
 * concatenation of its files, not a real tar: the real backend's test checks tars.
 */
@Alternative
@ApplicationScoped
public class FakeSandboxFiles implements SandboxFiles {

    private final Map<String, Map<String, byte[]>> trees = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> links = new ConcurrentHashMap<>();

    /** Makes {@code path} a link to {@code target} outside the working directory. */
    public void linkOut(SandboxRef sandbox, String path, String target) {
        links.computeIfAbsent(sandbox.id(), k -> new ConcurrentHashMap<>()).put(path, target);
    }

    private Map<String, byte[]> tree(SandboxRef sandbox) {
        return trees.computeIfAbsent(sandbox.id(), k -> new ConcurrentSkipListMap<>());
    }

    private void resolve(SandboxRef sandbox, FilePath path) {
        String prefix = "";
        for (String segment : path.value().split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            String target = links.getOrDefault(sandbox.id(), Map.of()).get(prefix);
            if (target != null) {
                throw new FileProblemException(Kind.INVALID_PATH, "The path '" + path + "' is refused: it leads out"
                        + " of the working directory (to " + target + ").");
            }
        }
    }

    private boolean folder(SandboxRef sandbox, FilePath path) {
        return path.root() || tree(sandbox).keySet().stream().anyMatch(p -> p.startsWith(path.value() + "/"));
    }

    @Override
    public FileStat stat(SandboxRef sandbox, FilePath path) {
        resolve(sandbox, path);
        byte[] file = tree(sandbox).get(path.value());
        if (file != null) {
            return new FileStat(false, file.length);
        }
        if (!folder(sandbox, path)) {
            throw new FileProblemException(Kind.NOT_FOUND, "'" + path + "' was not found: it does not exist.");
        }
        return new FileStat(true, tree(sandbox).entrySet().stream()
                .filter(e -> path.root() || e.getKey().startsWith(path.value() + "/"))
                .mapToLong(e -> e.getValue().length).sum());
    }

    @Override
    public void write(SandboxRef sandbox, FilePath path, InputStream body, long length) {
        resolve(sandbox, path);
        if (folder(sandbox, path)) {
            throw new FileProblemException(Kind.CONFLICT, "'" + path + "' cannot be used: it is a folder.");
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
            if (bytes.length != length) {
                throw new FileProblemException(Kind.INCOMPLETE, "The upload of '" + path + "' ended early.");
            }
            tree(sandbox).put(path.value(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void read(SandboxRef sandbox, FilePath path, OutputStream out, long limit) {
        FileStat stat = stat(sandbox, path);
        try {
            if (!stat.folder()) {
                out.write(tree(sandbox).get(path.value()));
                return;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (var e : tree(sandbox).entrySet()) {
                if (path.root() || e.getKey().startsWith(path.value() + "/")) {
                    all.write(e.getValue());
                }
            }
            all.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FileTree list(SandboxRef sandbox, FilePath path, TreeLimits limits) {
        resolve(sandbox, path);
        if (!folder(sandbox, path)) {
            throw new FileProblemException(Kind.CONFLICT, "'" + path + "' cannot be used: it is not a folder.");
        }
        String base = path.root() ? "" : path.value() + "/";
        Map<String, FileEntry> entries = new java.util.TreeMap<>();
        for (var e : tree(sandbox).entrySet()) {
            if (!e.getKey().startsWith(base)) {
                continue;
            }
            String[] parts = e.getKey().substring(base.length()).split("/");
            String at = base;
            for (int i = 0; i < parts.length && i < limits.depth(); i++) {
                at = at + parts[i];
                boolean file = i == parts.length - 1;
                entries.putIfAbsent(at, new FileEntry(at, parts[i], file ? "file" : "dir",
                        file ? e.getValue().length : 0));
                at = at + "/";
            }
        }
        links.getOrDefault(sandbox.id(), Map.of()).keySet().stream().filter(l -> l.startsWith(base))
                .forEach(l -> entries.put(l, new FileEntry(l, l.substring(l.lastIndexOf('/') + 1), "link", 0)));
        List<FileEntry> list = new ArrayList<>(entries.values());
        boolean truncated = list.size() > limits.entries();
        return new FileTree(path.value(), truncated ? list.subList(0, limits.entries()) : list, truncated);
    }
}
