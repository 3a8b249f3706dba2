package io.labdeck.lab;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Renders code blocks as {@code <div class="code-block" data-kind="run|show">} so the page can add run and copy
 * buttons; a runnable block carries in {@code data-command} exactly what the terminal would receive, and in
 * {@code data-action} its action words ({@code interrupt}, {@code edit}; see {@link CodeBlockInfo}); an edit block's
 * «parts» are spans in its code ({@link EditParts}). Problems with those go to the part's {@link RenderLog}. Also
 * drops soft line breaks between two CJK characters, which browsers would otherwise show as a stray space.
 * <p>
 * Code blocks are escaped here and parked in {@link #SLOTS}, leaving a token in the HTML: the sanitiser would
 * otherwise re-encode commands (it breaks {@code {{.Names}}} with a zero-width space, for one).
 */
final class CodeBlockRenderer implements NodeRenderer {

    /** The rendered code blocks of a document, in order; set a fresh list on each document before rendering. */
    static final DataKey<List<String>> SLOTS = new DataKey<>("LABDECK_CODE_SLOTS", List.of());

    private final String token;

    /** @param token marks a slot in the HTML; letters and digits only, so the sanitiser keeps it as it is */
    CodeBlockRenderer(String token) {
        this.token = token;
    }

    /** Puts the parked code blocks back in place of their tokens. */
    static String fill(String html, String token, List<String> slots) {
        String out = html;
        for (int i = 0; i < slots.size(); i++) {
            out = out.replace(token + i + "x", slots.get(i));
        }
        return out;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(FencedCodeBlock.class, this::fenced),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, ctx, html) -> park(ctx, html,
                        new CodeBlockInfo("", false, false, List.of()), node.getContentChars().toString())),
                new NodeRenderingHandler<>(SoftLineBreak.class, CodeBlockRenderer::softBreak));
    }

    private void fenced(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
        CodeBlockInfo info = CodeBlockInfo.parse(node.getInfo().toString());
        String text = node.getContentChars().toString();
        RenderLog log = RenderLog.KEY.get(ctx.getDocument());
        info.problems().forEach(p -> log.problem(node, 0, p));
        Optional<String> command = CodeBlockClassifier.command(info.language(), text);
        if (!info.dataAction().isEmpty() && command.isEmpty()) {
            log.problem(node, 0, "this " + info.dataAction() + " block has nothing to run (a Dockerfile, or only"
                    + " output)");
        }
        if (info.edit()) {
            EditParts.problems(text).forEach(p -> log.problem(node, 1 + p.line(), p.message()));
            if (command.isPresent() && EditParts.names(command.get()).isEmpty()) {
                log.problem(node, 0, "this edit block has no «part» in what it runs; mark what the learner must"
                        + " change, e.g. docker tag app «name»:v1");
            }
        }
        park(ctx, html, info, text);
    }

    private void park(NodeRendererContext ctx, HtmlWriter html, CodeBlockInfo info, String text) {
        List<String> slots = SLOTS.get(ctx.getDocument());
        html.line().raw(token + slots.size() + "x").line();
        slots.add(render(info, text));
    }

    private static String render(CodeBlockInfo info, String text) {
        String language = info.language();
        Optional<String> command = CodeBlockClassifier.command(language, text);
        String code = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        StringBuilder out = new StringBuilder("<div class=\"code-block\" data-kind=\"")
                .append(command.isPresent() ? "run" : "show").append('"');
        if (!language.isEmpty()) {
            out.append(" data-lang=\"").append(escape(language)).append('"');
        }
        if (command.isPresent() && !info.dataAction().isEmpty()) {
            out.append(" data-action=\"").append(info.dataAction()).append('"');
        }
        command.ifPresent(c -> out.append(" data-command=\"").append(escape(c)).append('"'));
        String body = info.edit() && command.isPresent() ? EditParts.html(code, CodeBlockRenderer::escape)
                : escape(code);
        out.append("><pre><code").append(language.isEmpty() ? "" : " class=\"language-" + escape(language) + "\"")
                .append('>').append(body).append("</code></pre></div>");
        return out.toString();
    }

    private static String escape(String text) {
        return Escaping.escapeHtml(text, true);
    }

    private static void softBreak(SoftLineBreak node, NodeRendererContext ctx, HtmlWriter html) {
        BasedSequence base = node.getChars().getBaseSequence();
        int before = node.getStartOffset() - 1;
        int after = node.getEndOffset();
        boolean cjkJoin = before >= 0 && after < base.length() && isCjk(base.charAt(before)) && isCjk(base.charAt(after));
        if (!cjkJoin) {
            html.raw(ctx.getHtmlOptions().softBreak);
        }
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
