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
 * blocks elsewhere. Attribute-like words ({@code {.line-numbers}}, {@code title="x"}) and other tools' bare words
 * ({@code showLineNumbers}) are left alone; a word close to an action word ({@code interupt}) is an error.
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
            } else if (!ACTIONS.contains(lower) && runnable && nearAction(lower)) {
                problems.add("unknown action word '" + word + "' after ```" + language + "; the actions are "
                        + INTERRUPT + " and " + EDIT);
            }
            interrupt |= lower.equals(INTERRUPT) && runnable;
            edit |= lower.equals(EDIT) && runnable;
        }
        return new CodeBlockInfo(language, interrupt, edit, problems);
    }

    /**
     * Whether a word is a slip for an action word (a typo, a transposition, a start or a longer form of one): that
     * is an error. Other words are other tools' ({@code showLineNumbers}, {@code script}) and stay as they are, so
     * such tutorials still load.
     */
    static boolean nearAction(String word) {
        return ACTIONS.stream().anyMatch(a -> distance(word, a) <= Math.max(1, a.length() / 4)
                || (word.length() >= 3 && (a.startsWith(word) || word.startsWith(a))));
    }

    /** Edit distance with transpositions (optimal string alignment), for short words. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The value of {@code data-action} on the block: its action words, space-separated; empty for none. */
    String dataAction() {
        return ((interrupt ? INTERRUPT + " " : "") + (edit ? EDIT : "")).strip();
    }
}
