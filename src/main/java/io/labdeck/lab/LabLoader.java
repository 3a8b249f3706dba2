package io.labdeck.lab;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds {@code <lab-id>/lab.yaml} folders under each root and builds a {@link Lab} from each. Problems from every lab
 * are gathered and thrown together, so an author sees all of them at once.
 */
@Singleton
public class LabLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final LabAssembler assembler = new LabAssembler(new MarkdownSplitter());

    /** Loads every lab under the roots, or throws one {@link LabLoadException} listing every problem. */
    public List<Lab> loadAll(List<Path> roots) {
        List<LabProblem> problems = new ArrayList<>();
        List<Lab> labs = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path root : roots) {
            for (Path folder : labFolders(root, problems)) {
                try {
                    Lab lab = load(folder);
                    String other = seen.putIfAbsent(lab.id(), lab.source());
                    if (other != null) {
                        problems.add(LabProblem.in(lab.source(), "lab id '" + lab.id() + "' is also used by " + other));
                    } else {
                        labs.add(lab);
                    }
                } catch (LabLoadException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LabLoadException(problems);
        }
        return labs;
    }

    /** Loads the lab in one folder (its id is the folder's name). */
    public Lab load(Path folder) {
        Path file = folder.resolve("lab.yaml");
        String shown = Display.path(file);
        String id = folder.getFileName().toString();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new LabLoadException(LabProblem.in(shown, "the folder name '" + id
                    + "' is not a usable lab id: use letters, digits, '.', '_' and '-'"));
        }
        String text = read(file, shown);
        LabFile parsed = parse(text, shown);
        return assembler.assemble(id, folder, parsed, text, shown);
    }

    private LabFile parse(String text, String shown) {
        if (text.isBlank()) {
            throw new LabLoadException(LabProblem.in(shown, "the file is empty"));
        }
        try {
            LabFile file = yaml.readValue(text, LabFile.class);
            if (file == null) { // a document that is only an alias, a null or a comment
                throw new LabLoadException(LabProblem.at(shown, 1, "the file holds no lab: it must be a mapping"
                        + " of keys such as title, sandbox and steps"));
            }
            return file;
        } catch (UnrecognizedPropertyException e) {
            throw new LabLoadException(LabProblem.at(shown, lineOfKey(text, e.getPropertyName(), line(e)),
                    "unknown key '" + e.getPropertyName()
                    + "'" + pathOf(e) + "; known keys: " + e.getKnownPropertyIds()));
        } catch (JsonProcessingException e) {
            throw new LabLoadException(LabProblem.at(shown, line(e), rootCause(e) + pathOf(e)));
        }
    }

    private static String rootCause(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return iae.getMessage();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            m.getPath().forEach(r -> path.append(r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]"));
            return " (at " + path.substring(path.charAt(0) == '.' ? 1 : 0) + ")";
        }
        return "";
    }

    /** The YAML parser reads ahead, so its line may be past the key; the key's own line is the last one before. */
    private static int lineOfKey(String text, String key, int reported) {
        java.util.regex.Pattern keyLine = java.util.regex.Pattern.compile(
                "^\\s*(-\\s*)?[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:.*");
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (keyLine.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return reported;
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }

    private static List<Path> labFolders(Path root, List<LabProblem> problems) {
        if (!Files.isDirectory(root)) {
            problems.add(LabProblem.in(Display.path(root), "the labs folder does not exist"));
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory).sorted().toList();
            folders.stream().filter(f -> !Files.isRegularFile(f.resolve("lab.yaml")))
                    .forEach(f -> problems.add(LabProblem.in(Display.path(f), "this lab folder has no lab.yaml")));
            return folders.stream().filter(f -> Files.isRegularFile(f.resolve("lab.yaml"))).toList();
        } catch (IOException e) {
            problems.add(LabProblem.in(Display.path(root), "cannot list the labs folder: " + e.getMessage()));
            return List.of();
        }
    }

    static String read(Path file, String shown) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LabLoadException(LabProblem.in(shown, "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new LabLoadException(LabProblem.in(shown, "cannot read the file: " + e));
        }
    }
}
