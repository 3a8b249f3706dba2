package io.labdeck.lab;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.platform.RegistryConfig;

/**
 * What callers ask of the labs: the catalogue, and one lab's text in one language with its placeholders filled.
 * Unknown labs and languages are domain errors, mapped to 404 at the edge.
 */
@ApplicationScoped
public class LabService {

    private final LabCatalog catalog;
    private final RegistryConfig registry;

    public LabService(LabCatalog catalog, RegistryConfig registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    public List<Lab> labs() {
        return catalog.all();
    }

    public Lab lab(String id) {
        return catalog.find(id).orElseThrow(() -> new LabNotFoundException(id));
    }

    /** The lab's text in {@code lang}, with {@code {{registry}}} filled and {@code {{session}}} left for a session. */
    public LabDocument document(String id, String lang) {
        return document(id, lang, Placeholders.withoutSession(registry.address()));
    }

    /** The lab, which must have a text in {@code lang}. */
    public Lab lab(String id, String lang) {
        Lab lab = lab(id);
        if (lab.document(lang).isEmpty()) {
            throw new LanguageNotFoundException(id, lang, lab.languages());
        }
        return lab;
    }

    public LabDocument document(String id, String lang, Placeholders placeholders) {
        LabDocument doc = lab(id, lang).document(lang).orElseThrow();
        return new LabDocument(doc.lang(), doc.title(), doc.intro().resolve(placeholders),
                doc.steps().stream().map(s -> new Step(s.id(), s.title(), s.body().resolve(placeholders), s.check()))
                        .toList(),
                doc.source());
    }

    /** What {@code {{registry}}} and {@code {{session}}} become for a session. */
    public Placeholders placeholders(String sessionId) {
        return new Placeholders(registry.address(), sessionId);
    }
}
