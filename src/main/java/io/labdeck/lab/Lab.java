package io.labdeck.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab: the language-free interactive layer from {@code lab.yaml} joined to one rendered document per language.
 *
 * @param id        the lab's folder name
 * @param titles    title by language; its keys are the lab's languages
 * @param descriptions one-sentence summary by language, for the catalogue (may lack languages)
 * @param documents the rendered markdown by language
 * @param sandbox   what the lab's sandbox needs
 * @param gated     a step opens only when the one before it has passed
 * @param setup     shell run once when the sandbox starts
 * @param checks    the interactive layer of each step, by step id, in lab.yaml order
 * @param source    where lab.yaml was read from, for messages
 */
public record Lab(String id, Map<String, String> titles, Map<String, String> descriptions,
        Map<String, LabDocument> documents, SandboxSpec sandbox,
        boolean gated, Optional<String> setup, Map<String, CheckSpec> checks, String source) {

    public Lab {
        titles = Map.copyOf(titles);
        descriptions = Map.copyOf(descriptions);
        documents = Map.copyOf(documents);
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
    }

    /** The lab's languages in a stable order. */
    public List<String> languages() {
        return titles.keySet().stream().sorted().toList();
    }

    /** The ports any language's text names: the union of {@link LabDocument#namedPorts()}. */
    public java.util.SortedSet<Integer> namedPorts() {
        java.util.SortedSet<Integer> ports = new java.util.TreeSet<>();
        documents.values().forEach(d -> ports.addAll(d.namedPorts()));
        return java.util.Collections.unmodifiableSortedSet(ports);
    }

    public Optional<LabDocument> document(String lang) {
        return Optional.ofNullable(documents.get(lang));
    }
}
