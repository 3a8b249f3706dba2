package io.labdeck.lab;

import java.util.List;
import java.util.Map;

/** A lab in {@code GET /api/labs}. */
public record LabSummary(String id, Map<String, String> titles, Map<String, String> descriptions,
        List<String> languages, int steps) {

    static LabSummary of(Lab lab) {
        int steps = lab.documents().values().stream().mapToInt(d -> d.steps().size()).max().orElse(0);
        return new LabSummary(lab.id(), lab.titles(), lab.descriptions(), lab.languages(), steps);
    }
}
