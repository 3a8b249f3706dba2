package io.labdeck.lab;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Lab HTML is sanitised, not escaped: authors may use harmless HTML (tables, {@code <kbd>}, {@code <details>}), but
 * scripts, event handlers, styles, frames, forms and {@code javascript:} URLs are dropped, and so is any
 * {@code labdeck:} URL. Links keep the lab text's actions ({@link ActionRenderer}): {@code data-action},
 * {@code data-path} and {@code data-port}, each only with a value an action may have.
 */
final class HtmlSanitizer {

    private static final Pattern ACTION = Pattern.compile("open-file|open-port");
    /** Relative, with no {@code ..} part: raw HTML cannot name what a {@code labdeck:} link may not. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?![/\\\\~])(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))[^\\p{Cntrl}]+");
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonInlineFormattingElements()
            .allowCommonBlockElements()
            .allowElements("a", "img", "pre", "code", "kbd", "samp", "var", "blockquote", "hr", "br", "ul", "ol", "li",
                    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "details",
                    "summary", "del", "ins", "mark", "figure", "figcaption")
            .allowStandardUrlProtocols()
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "width", "height").onElements("img")
            .allowAttributes("title").globally()
            .allowAttributes("class").onElements("div", "pre", "code", "span", "table")
            .allowAttributes("data-kind", "data-lang", "data-command").onElements("div")
            // The lab text's actions (ActionRenderer), and nothing else of theirs: an action, then its one value.
            .allowAttributes("data-action").matching(ACTION).onElements("a")
            .allowAttributes("data-path").matching(RELATIVE_PATH).onElements("a")
            .allowAttributes("data-port").matching(PORT).onElements("a")
            .allowAttributes("align").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("open").onElements("details")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private HtmlSanitizer() {
    }

    /**
     * The policy splits {@code {{} so that client-side template engines cannot be injected. Labdeck pages run no
     * such engine, and lab text needs {@code {{registry}}} and {@code {{session}}} intact, so the split is undone.
     */
    static String sanitize(String html) {
        return POLICY.sanitize(html).replace("{<!-- -->{", "{{").replace("{\u200B{", "{{");
    }
}
