package io.labdeck.lab;

import java.util.List;

/**
 * A rendered piece of lab markdown.
 *
 * @param html     sanitised HTML; placeholders such as {@code {{registry}}} are still in it
 * @param commands what each runnable block would send to the terminal, in order
 */
public record Section(String html, List<String> commands) {

    public Section {
        commands = List.copyOf(commands);
    }

    public Section resolve(Placeholders placeholders) {
        return new Section(placeholders.apply(html), commands.stream().map(placeholders::apply).toList());
    }
}
