package io.labdeck.lab;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Lab HTML is sanitised, not escaped: authors may use harmless HTML (tables, {@code <kbd>}, {@code <details>}), but
 * scripts, event handlers, styles, frames, forms and {@code javascript:} URLs are dropped.
 */
final class HtmlSanitizer {

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
