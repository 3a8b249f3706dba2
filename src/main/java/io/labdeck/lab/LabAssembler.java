package io.labdeck.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Joins a parsed lab.yaml to its markdown in each language, checking that they agree: every language has a file,
 * every step in lab.yaml has a heading in every language, and every {@code needs} names a step.
 */
final class LabAssembler {

    private final MarkdownSplitter splitter;

    LabAssembler(MarkdownSplitter splitter) {
        this.splitter = splitter;
    }

    Lab assemble(String id, Path folder, LabFile file, String yamlText, String shown) {
        List<LabProblem> problems = new ArrayList<>();
        Map<String, String> titles = file.title() == null ? Map.of() : file.title();
        if (titles.isEmpty()) {
            throw new LabLoadException(LabProblem.in(shown,
                    "'title' is missing: give a title for each language, e.g. title: {ja: \"...\", ko: \"...\"}"));
        }
        Set<String> langs = titles.keySet();
        checkLanguages("content", file.content(), langs, shown, problems);
        checkLanguages("description", file.description(), langs, shown, problems);
        Map<String, CheckSpec> checks = checks(file, langs, yamlText, shown, problems);
        Map<String, LabDocument> documents = new LinkedHashMap<>();
        Map<String, String> resolvedTitles = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> portLines = new LinkedHashMap<>();
        for (String lang : langs.stream().sorted().toList()) {
            Path md = contentPath(id, folder, file, lang);
            try {
                ParsedDocument parsed = splitter.split(LabLoader.read(md, Display.path(md)), Display.path(md));
                String title = Optional.ofNullable(titles.get(lang)).filter(t -> !t.isBlank())
                        .or(parsed::title).orElse(id);
                resolvedTitles.put(lang, title);
                portLines.put(Display.path(md), parsed.ports());
                documents.put(lang, document(lang, title, parsed, checks, md, yamlText, shown, problems));
            } catch (LabLoadException e) {
                problems.addAll(e.problems().stream().map(p -> p.message().startsWith("cannot read")
                        ? LabProblem.in(shown, "the " + lang + " text " + p.file() + " is missing or unreadable"
                                + " (set content." + lang + " in lab.yaml, or add the file)")
                        : p).toList());
            }
        }
        SandboxSpec sandbox = sandbox(file.sandbox());
        portLines.forEach((md, ports) -> ports.forEach((port, line) -> {
            if (!sandbox.ports().allows(port)) {
                problems.add(LabProblem.at(md, line, "the text names port " + port + ", which the preview will not"
                        + " open: " + sandbox.ports().refusal(port) + " (see sandbox.ports in " + shown + ")"));
            }
        }));
        if (!problems.isEmpty()) {
            throw new LabLoadException(problems);
        }
        return new Lab(id, resolvedTitles, file.description() == null ? Map.of() : file.description(), documents,
                sandbox, Boolean.TRUE.equals(file.gated()), Optional.ofNullable(file.setup()), checks, shown);
    }

    private static Path contentPath(String id, Path folder, LabFile file, String lang) {
        if (file.content() != null && file.content().get(lang) != null) {
            return folder.resolve(file.content().get(lang)).normalize();
        }
        Path root = folder.toAbsolutePath().normalize().getParent();
        return root.resolveSibling("content").resolve(lang).resolve(id + ".md");
    }

    private static LabDocument document(String lang, String title, ParsedDocument parsed, Map<String, CheckSpec> checks,
            Path md, String yamlText, String shown, List<LabProblem> problems) {
        List<String> headings = parsed.steps().stream().map(ParsedDocument.ParsedStep::id).toList();
        checks.keySet().stream().filter(stepId -> !headings.contains(stepId)).forEach(stepId -> problems.add(
                LabProblem.at(shown, lineOfStep(yamlText, stepId), "step '" + stepId + "' has no heading in "
                        + lang + " (" + Display.path(md) + "); give its ## heading the anchor {#" + stepId
                        + "}. Step ids there: " + headings)));
        List<Step> steps = parsed.steps().stream().map(s -> new Step(s.id(), s.title(), s.body(),
                Optional.ofNullable(checks.get(s.id())))).toList();
        return new LabDocument(lang, title, parsed.intro(), steps, Display.path(md));
    }

    private static Map<String, CheckSpec> checks(LabFile file, Set<String> langs, String yamlText, String shown,
            List<LabProblem> problems) {
        Map<String, CheckSpec> checks = new LinkedHashMap<>();
        List<LabFile.StepFile> steps = file.steps() == null ? List.of() : file.steps();
        for (int i = 0; i < steps.size(); i++) {
            LabFile.StepFile s = steps.get(i);
            if (s == null || s.id() == null || s.id().isBlank()) {
                problems.add(LabProblem.in(shown, "steps[" + i + "] has no id"));
                continue;
            }
            if (checks.containsKey(s.id())) {
                problems.add(LabProblem.at(shown, lineOfStep(yamlText, s.id()), "step id '" + s.id()
                        + "' appears twice under steps"));
                continue;
            }
            checkLanguages("steps[" + s.id() + "].hint", s.hint(), langs, shown, problems);
            checks.put(s.id(), new CheckSpec(s.id(), s.check(),
                    s.timeout() == null ? CheckSpec.DEFAULT_TIMEOUT : s.timeout().value(),
                    s.needs() == null ? List.of() : s.needs(), s.hint() == null ? Map.of() : s.hint(),
                    Optional.ofNullable(s.solve()), Optional.ofNullable(s.setup())));
        }
        checks.values().forEach(c -> c.needs().stream().filter(n -> !checks.containsKey(n) || n.equals(c.stepId()))
                .forEach(n -> problems.add(LabProblem.at(shown, lineOfStep(yamlText, c.stepId()), "step '"
                        + c.stepId() + "' needs '" + n + "', which is not another step under steps"))));
        return checks;
    }

    private static void checkLanguages(String key, Map<String, String> values, Set<String> langs, String shown,
            List<LabProblem> problems) {
        if (values != null) {
            values.keySet().stream().filter(l -> !langs.contains(l)).forEach(l -> problems.add(LabProblem.in(shown,
                    key + " has language '" + l + "', which has no title; the lab's languages are " + langs)));
        }
    }

    private static SandboxSpec sandbox(LabFile.SandboxFile s) {
        if (s == null) {
            return SandboxSpec.defaults();
        }
        return new SandboxSpec(Optional.ofNullable(s.image()), Boolean.TRUE.equals(s.docker()),
                Optional.ofNullable(s.memory()).map(LabFile.ByteSize::bytes), Optional.ofNullable(s.cpus()),
                Optional.ofNullable(s.pids()), Optional.ofNullable(s.disk()).map(LabFile.ByteSize::bytes),
                Optional.ofNullable(s.duration()).map(LabFile.DurationText::value),
                Optional.ofNullable(s.egress()).map(LabFile.EgressWord::value), ports(s.ports()));
    }

    private static PortPolicy ports(List<LabFile.PortWord> words) {
        if (words == null || words.isEmpty()) {
            return PortPolicy.defaults();
        }
        return new PortPolicy(words.stream().map(w -> new PortPolicy.Range(w.from(), w.to())).toList(),
                words.stream().filter(LabFile.PortWord::single).map(LabFile.PortWord::from)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    /** lab.yaml's line for a step, found by its {@code id:} so semantic errors point somewhere. */
    private static int lineOfStep(String yamlText, String stepId) {
        Pattern idLine = Pattern.compile("^\\s*(-\\s*)?id:\\s*[\"']?" + Pattern.quote(stepId) + "[\"']?\\s*(#.*)?$");
        String[] lines = yamlText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (idLine.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return -1;
    }
}
