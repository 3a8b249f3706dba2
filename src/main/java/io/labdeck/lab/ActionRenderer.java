package io.labdeck.lab;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Renders the actions of lab text: {@code [text](labdeck:open-file?path=P)} and
 * {@code [text](labdeck:open-port?port=N)} as {@code <a data-action="open-file" data-path="P">} and
 * {@code <a data-action="open-port" data-port="N">}, and {@code {{port:N}}} in text as the latter with the text
 * {@code N}. They get no {@code href}: the page's actions.js makes them work (and gives a port link its preview's
 * address once the session is there), so no browser ever follows a {@code labdeck:} URL. Problems go to the part's
 * {@link RenderLog} with their lines, and the rest of the link still renders.
 */
final class ActionRenderer implements NodeRenderer {

    static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\{\\{\\s*port\\s*:([^}]*)}}");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Link.class, (node, ctx, html) -> link(node, node.getUrl(), node.getTitle(),
                        ctx, html)),
                new NodeRenderingHandler<>(LinkRef.class, ActionRenderer::linkRef),
                new NodeRenderingHandler<>(Text.class, ActionRenderer::text));
    }

    private static void linkRef(LinkRef node, NodeRendererContext ctx, HtmlWriter html) {
        Reference ref = node.isDefined() ? node.getReferenceNode(ctx.getDocument()) : null;
        if (ref == null) {
            ctx.delegateRender();
            return;
        }
        link(node, ref.getUrl(), ref.getTitle(), ctx, html);
    }

    private static void link(Node node, BasedSequence url, BasedSequence title, NodeRendererContext ctx,
            HtmlWriter html) {
        String destination = url.unescape();
        if (!ActionLink.isAction(destination)) {
            ctx.delegateRender();
            return;
        }
        ActionLink action;
        try {
            action = ActionLink.parse(destination);
        } catch (IllegalArgumentException e) {
            RenderLog.KEY.get(ctx.getDocument()).problem(node, 0, e.getMessage());
            ctx.renderChildren(node); // the text, without a link that would not work
            return;
        }
        if (action.action().equals(ActionLink.OPEN_PORT)) {
            RenderLog.KEY.get(ctx.getDocument()).port(Integer.parseInt(action.value()), node, node.getStartOffset());
        }
        html.raw(openTag(action, title.isBlank() ? "" : title.unescape()));
        ctx.renderChildren(node);
        html.raw("</a>");
    }

    private static String openTag(ActionLink action, String title) {
        String value = action.action().equals(ActionLink.OPEN_FILE) ? "data-path" : "data-port";
        return "<a data-action=\"" + action.action() + "\" " + value + "=\"" + escape(action.value()) + "\""
                + (title.isEmpty() ? "" : " title=\"" + escape(title) + "\"") + ">";
    }

    /** {@code {{port:N}}} in plain text (never in code spans or blocks, which show it as written). */
    private static void text(Text node, NodeRendererContext ctx, HtmlWriter html) {
        String text = node.getChars().unescape();
        Matcher m = PORT_PLACEHOLDER.matcher(text);
        if (!m.find() || insideLink(node)) { // a link in a link would not work: the placeholder stays as written
            ctx.delegateRender();
            return;
        }
        RenderLog log = RenderLog.KEY.get(ctx.getDocument());
        int at = 0;
        do {
            html.text(text.substring(at, m.start()));
            int offset = node.getStartOffset() + Math.min(m.start(), node.getChars().length() - 1);
            try {
                int port = ActionLink.port(m.group(1));
                log.port(port, node, offset);
                html.raw(openTag(new ActionLink(ActionLink.OPEN_PORT, String.valueOf(port)), ""))
                        .text(String.valueOf(port)).raw("</a>");
            } catch (IllegalArgumentException e) {
                log.problemAt(node, offset, e.getMessage() + " (in " + m.group() + ")");
                html.text(m.group());
            }
            at = m.end();
        } while (m.find());
        html.text(text.substring(at));
    }

    private static boolean insideLink(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof LinkNodeBase || n instanceof RefNode) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String text) {
        return Escaping.escapeHtml(text, true);
    }
}
