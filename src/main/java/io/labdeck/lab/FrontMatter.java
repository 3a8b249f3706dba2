package io.labdeck.lab;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Jekyll-style YAML front matter: read for its {@code title}, then blanked out (lines kept) so markdown does not
 * take it for a horizontal rule and a heading.
 *
 * @param title the front matter's title, if any
 * @param body  the document with the front matter replaced by blank lines
 */
record FrontMatter(Optional<String> title, String body) {

    private static final Pattern BLOCK = Pattern.compile("\\A(?:\\uFEFF)?---[ \\t]*\\r?\\n(.*?\\r?\\n)?---[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static FrontMatter read(String markdown, String file) {
        Matcher m = BLOCK.matcher(markdown);
        if (!m.find()) {
            return new FrontMatter(Optional.empty(), markdown);
        }
        String yaml = m.group(1) == null ? "" : m.group(1);
        String blank = "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count());
        return new FrontMatter(title(yaml, file), blank + markdown.substring(m.end()));
    }

    private static Optional<String> title(String yaml, String file) {
        if (yaml.isBlank()) {
            return Optional.empty();
        }
        try {
            Object parsed = YAML.readValue(yaml, Object.class);
            if (parsed instanceof Map<?, ?> map && map.get("title") != null) {
                return Optional.of(String.valueOf(map.get("title")).strip()).filter(t -> !t.isEmpty());
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + 1;
            throw new LabLoadException(LabProblem.at(file, line, "front matter is not valid YAML: "
                    + e.getOriginalMessage()));
        }
    }
}
