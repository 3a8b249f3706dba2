package io.labdeck.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interactive layer of a step, from lab.yaml; the same for every language.
 *
 * @param stepId  the step it belongs to
 * @param script  shell run in the sandbox; exit 0 means the step is done (blank: the step has no check)
 * @param timeout deadline for the script
 * @param needs   steps that must pass before this one opens
 * @param hints   hint by language, shown when the check fails
 * @param solve   shell that performs the step, for automated lab tests
 * @param setup   shell run when the learner enters the step
 */
public record CheckSpec(String stepId, String script, Duration timeout, List<String> needs, Map<String, String> hints,
        Optional<String> solve, Optional<String> setup) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public CheckSpec {
        script = script == null ? "" : script;
        needs = List.copyOf(needs);
        hints = Map.copyOf(hints);
    }

    public boolean hasScript() {
        return !script.isBlank();
    }

    public Optional<String> hint(String lang) {
        return Optional.ofNullable(hints.get(lang));
    }
}
