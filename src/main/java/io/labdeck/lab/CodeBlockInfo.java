package io.labdeck.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fence's info string read for Labdeck: the language (its first word) and the action words after it.
 * {@code ```sh interrupt} sends Ctrl-C before the command; {@code ```sh edit} has «parts» the learner must change
 * before it runs. Other renderers take only the first word as the language, so these blocks stay ordinary shell
 * blocks elsewhere. Attribute-like words ({@code {.line-numbers}}, {@code title="x"}) are left alone.
 *
 * @param language  as {@link CodeBlockClassifier#language(String)} gives it
 * @param interrupt Ctrl-C first, then the command
 * @param edit      the command has «parts» to change before it runs
 * @param problems  what is wrong with the words, for the loader's message
 */
record CodeBlockInfo(String language, boolean interrupt, boolean edit, List<String> problems) {

    static final String INTERRUPT = "interrupt";
    static final String EDIT = "edit";
    private static final Set<String> ACTIONS = Set.of(INTERRUPT, EDIT);
    /** A bare word: what an action word looks like (and what a typo of one looks like). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    CodeBlockInfo {
        problems = List.copyOf(problems);
    }

    static CodeBlockInfo parse(String info) {
        String language = CodeBlockClassifier.language(info);
        String[] words = info.strip().split("\\s+");
        List<String> problems = new ArrayList<>();
        boolean interrupt = false;
        boolean edit = false;
        boolean attributes = false;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            attributes |= word.startsWith("{");
            if (attributes || !WORD.matcher(word).matches()) {
                continue; // {.line-numbers} and whatever follows it, title="x", ...: other tools' attributes
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean runnable = CodeBlockClassifier.isRunnable(language);
            if (ACTIONS.contains(lower) && !runnable) {
                problems.add("'" + word + "' applies to runnable blocks only (sh, bash, shell, console), not to a "
                        + (language.isEmpty() ? "block without a language" : language + " block"));
            } else if (!ACTIONS.contains(lower) && runnable) {
                problems.add("unknown action word '" + word + "' after ```" + language + "; the actions are "
                        + INTERRUPT + " and " + EDIT);
            }
            interrupt |= lower.equals(INTERRUPT) && runnable;
            edit |= lower.equals(EDIT) && runnable;
        }
        return new CodeBlockInfo(language, interrupt, edit, problems);
    }

    /** The value of {@code data-action} on the block: its action words, space-separated; empty for none. */
    String dataAction() {
        return ((interrupt ? INTERRUPT + " " : "") + (edit ? EDIT : "")).strip();
    }
}
