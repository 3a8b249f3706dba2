package io.labdeck.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a fenced block is run in the terminal or only shown, and what it would send.
 * In a block with {@code $ } prompts, only prompted lines (and their {@code \} continuations) are commands; every
 * other line is output or commentary. Without prompts, the whole block is the command.
 */
final class CodeBlockClassifier {

    private static final Set<String> RUNNABLE = Set.of("bash", "sh", "shell", "console");
    private static final Pattern PROMPT = Pattern.compile("^\\s*\\$(?: +(.*)|\\s*)$");
    /** Authors often tag a Dockerfile as shell; its first instruction gives it away. */
    private static final Pattern DOCKERFILE_LINE = Pattern.compile(
            "^(FROM|RUN|CMD|COPY|ADD|ENV|EXPOSE|WORKDIR|ENTRYPOINT|LABEL|ARG|USER|VOLUME|HEALTHCHECK|SHELL|ONBUILD"
                    + "|STOPSIGNAL|MAINTAINER)\\s+\\S.*");

    private CodeBlockClassifier() {
    }

    /** The language named by a fence's info string: its first word, lower case ({@code ```bash {.x}} gives bash). */
    static String language(String info) {
        String first = info.strip().split("[\\s{]", 2)[0];
        return first.toLowerCase(Locale.ROOT);
    }

    /** Whether blocks of this language get a Run button. */
    static boolean isRunnable(String language) {
        return RUNNABLE.contains(language);
    }

    /**
     * The command a block would send to the terminal, or empty when the block is only shown.
     *
     * @param language as from {@link #language(String)}
     * @param text     the block's content
     */
    static Optional<String> command(String language, String text) {
        if (!RUNNABLE.contains(language)) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        if (lines.stream().filter(l -> !l.isBlank()).findFirst().filter(CodeBlockClassifier::isDockerfile).isPresent()) {
            return Optional.empty();
        }
        String command = lines.stream().anyMatch(l -> PROMPT.matcher(l).matches())
                ? String.join("\n", promptedCommands(lines))
                : stripBlankEdges(lines);
        return command.isBlank() ? Optional.empty() : Optional.of(command);
    }

    private static boolean isDockerfile(String firstLine) {
        return DOCKERFILE_LINE.matcher(firstLine.strip()).matches();
    }

    private static List<String> promptedCommands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        boolean continuing = false;
        for (String line : lines) {
            Matcher prompt = PROMPT.matcher(line);
            if (continuing) {
                commands.add(line);
                continuing = line.endsWith("\\");
            } else if (prompt.matches() && prompt.group(1) != null && !prompt.group(1).isBlank()) {
                String command = prompt.group(1).strip();
                commands.add(command);
                continuing = command.endsWith("\\");
            }
        }
        return commands;
    }

    private static String stripBlankEdges(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", lines.subList(from, to));
    }
}
