package io.labdeck.lab;

import java.util.List;

/** One lab in one language, for {@code GET /api/labs/{id}}. */
public record LabDetail(String id, String lang, String title, String intro, List<String> introCommands,
        List<StepDetail> steps) {

    /** A step as the page and API clients see it; {@code commands} are what its runnable blocks send. */
    public record StepDetail(String id, String title, String html, boolean hasCheck, List<String> needs,
            List<String> commands) {
    }

    static LabDetail of(String id, LabDocument doc) {
        return new LabDetail(id, doc.lang(), doc.title(), doc.intro().html(), doc.intro().commands(),
                doc.steps().stream().map(s -> new StepDetail(s.id(), s.title(), s.body().html(), s.hasCheck(),
                        s.check().map(CheckSpec::needs).orElse(List.of()), s.body().commands())).toList());
    }
}
