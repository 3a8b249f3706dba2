package io.labdeck.labtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabDocument;
import io.labdeck.lab.LabService;
import io.labdeck.lab.Placeholders;
import io.labdeck.platform.RegistryConfig;
import io.labdeck.lab.Section;
import io.labdeck.lab.Step;
import io.labdeck.labtest.LabTestRow.Phase;
import io.labdeck.sandbox.SandboxRef;

/**
 * Checks what a learner reads in one language: step ids match headings, no placeholder is left unfilled, and every
 * runnable block parses as shell. A failure names the step (or {@code intro}); a clean language gets one
 * {@code content} row per check.
 */
@ApplicationScoped
public class ContentValidator {

    /**
     * A placeholder left unfilled: {@code {{}}} around a bare identifier, spaces allowed. Go templates such as
     * {@code {{.Names}}} or {@code {{json .Config}}} are legitimate command text: a leading dot, or a space before
     * one, never matches.
     */
    static final Pattern UNRESOLVED = Pattern.compile("\\{\\{\\s*[A-Za-z_][\\w-]*\\s*}}");

    private final LabService labs;
    private final RegistryConfig registry;
    private final ShellSyntaxCheck shellSyntax;

    public ContentValidator(LabService labs, RegistryConfig registry, ShellSyntaxCheck shellSyntax) {
        this.labs = labs;
        this.registry = registry;
        this.shellSyntax = shellSyntax;
    }

    /** Validates the lab's {@code lang} text; shell syntax only when a sandbox is there to parse it in. */
    void validate(Lab lab, String lang, String sessionId, Optional<SandboxRef> sandbox, RowWriter rows) {
        stepIds(lab, lab.document(lang).orElseThrow(), rows);
        List<Part> parts = parts(labs.document(lab.id(), lang, new Placeholders(registry.address(), sessionId)));
        placeholders(parts, rows);
        sandbox.ifPresent(ref -> shellSyntax(parts, ref, rows));
    }

    /** The loader refuses a lab whose step ids lack a heading, so this passes for every loaded lab; it is shown. */
    private static void stepIds(Lab lab, LabDocument doc, RowWriter rows) {
        List<String> headings = doc.steps().stream().map(Step::id).toList();
        List<String> missing = lab.checks().keySet().stream().filter(id -> !headings.contains(id)).toList();
        if (missing.isEmpty()) {
            rows.pass(LabTestRow.CONTENT, Phase.STEP_IDS, "step ids of lab.yaml with a heading: "
                    + lab.checks().size() + " of " + lab.checks().size());
        } else {
            rows.fail(LabTestRow.CONTENT, Phase.STEP_IDS, "no heading in " + doc.source() + " for " + missing);
        }
    }

    private static void placeholders(List<Part> parts, RowWriter rows) {
        boolean clean = true;
        for (Part part : parts) {
            Set<String> found = new LinkedHashSet<>();
            Stream.concat(Stream.of(part.section().html()), part.section().commands().stream())
                    .forEach(text -> unresolved(text, found));
            if (!found.isEmpty()) {
                clean = false;
                rows.fail(part.name(), Phase.PLACEHOLDERS, "unresolved " + String.join(", ", found)
                        + "; the placeholders are {{registry}} and {{session}}");
            }
        }
        if (clean) {
            rows.pass(LabTestRow.CONTENT, Phase.PLACEHOLDERS,
                    "none unresolved in " + LabTestReport.count(parts.size(), "section"));
        }
    }

    private static void unresolved(String text, Set<String> found) {
        Matcher m = UNRESOLVED.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }

    private void shellSyntax(List<Part> parts, SandboxRef sandbox, RowWriter rows) {
        List<ShellSyntaxCheck.Command> commands = new ArrayList<>();
        parts.forEach(p -> {
            for (int i = 0; i < p.section().commands().size(); i++) {
                commands.add(new ShellSyntaxCheck.Command(p.name(), i + 1, p.section().commands().get(i)));
            }
        });
        shellSyntax.check(sandbox, commands, rows);
    }

    /** The introduction and the steps, with their placeholders filled for the test's session. */
    private static List<Part> parts(LabDocument doc) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(LabTestRow.INTRO, doc.intro()));
        doc.steps().forEach(s -> parts.add(new Part(s.id(), s.body())));
        return parts;
    }

    /** A named piece of the text: {@code intro} or a step id. */
    private record Part(String name, Section section) {
    }
}
