package io.labdeck.lab;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A rendered piece of lab markdown.
 *
 * @param html     sanitised HTML; placeholders such as {@code {{registry}}} are still in it
 * @param commands what each runnable block would send to the terminal, in order
 * @param ports    the ports its text names: {@code {{port:N}}} and {@code labdeck:open-port} links
 */
public record Section(String html, List<String> commands, SortedSet<Integer> ports) {

    public Section {
        commands = List.copyOf(commands);
        ports = Collections.unmodifiableSortedSet(new TreeSet<>(ports));
    }

    /** A section that names no port. */
    public Section(String html, List<String> commands) {
        this(html, commands, new TreeSet<>());
    }

    public Section resolve(Placeholders placeholders) {
        return new Section(placeholders.apply(html), commands.stream().map(placeholders::apply).toList(), ports);
    }
}
