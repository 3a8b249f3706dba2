package io.labdeck.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Splits lab markdown into an introduction and steps at its level-2 headings, and renders each part as sanitised
 * HTML with the commands of its runnable blocks. flexmark stays inside this class and its renderer.
 */
final class MarkdownSplitter {

    private static final Pattern NAME_ANCHOR = Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern BRACE_ANCHOR = Pattern.compile("\\s*\\{#([^}\\s]+)}\\s*$");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final String slotToken = "labdeckcodeslot" + Long.toHexString(new java.security.SecureRandom().nextLong());

    MarkdownSplitter() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).nodeRendererFactory(opts -> new CodeBlockRenderer(slotToken))
                .nodeRendererFactory(opts -> new ActionRenderer()).build();
    }

    /**
     * @throws LabLoadException for bad front matter, and for every bad action (a {@code labdeck:} link, a
     *                          {@code {{port:N}}}, an action word, a «part»), each with its line
     */
    ParsedDocument split(String markdown, String file) {
        FrontMatter front = FrontMatter.read(markdown, file);
        Document doc = parser.parse(SourceCleaner.clean(front.body()));
        Findings found = new Findings(file, new ArrayList<>(), new TreeMap<>());
        Optional<String> title = front.title();
        List<Node> intro = new ArrayList<>();
        List<ParsedDocument.ParsedStep> steps = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Heading current = null;
        List<Node> body = intro;
        List<Node> topLevel = new ArrayList<>();
        doc.getChildren().forEach(topLevel::add);
        for (Node node : topLevel) {
            if (node instanceof Heading h && h.getLevel() == 2) {
                closeStep(current, body, steps, seen, doc, found);
                current = h;
                body = new ArrayList<>();
            } else if (node instanceof Heading h && h.getLevel() == 1 && current == null && isBlank(intro)
                    && title.isEmpty()) {
                title = Optional.of(plainText(h)).filter(t -> !t.isEmpty());
            } else if (!(node instanceof HtmlCommentBlock)) {
                body.add(node);
            }
        }
        closeStep(current, body, steps, seen, doc, found);
        Section introSection = section(intro, doc, found);
        if (!found.problems().isEmpty()) {
            throw new LabLoadException(found.problems().stream()
                    .sorted(Comparator.comparingInt((LabProblem p) -> p.line().orElse(0))).toList());
        }
        return new ParsedDocument(title, introSection, steps, found.ports());
    }

    private void closeStep(Heading heading, List<Node> body, List<ParsedDocument.ParsedStep> steps,
            Map<String, Integer> seen, Document doc, Findings found) {
        if (heading == null) {
            return;
        }
        String id = uniqueId(explicitId(heading).orElseGet(() -> Slugs.slug(plainText(heading))), seen);
        steps.add(new ParsedDocument.ParsedStep(id, plainText(heading), section(body, doc, found),
                heading.getStartLineNumber() + 1));
    }

    private static String uniqueId(String id, Map<String, Integer> seen) {
        int n = seen.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "-" + (n - 1);
    }

    /**
     * flexmark renders links only inside a Document, so each part gets a Document of its own that shares the
     * parsed one's data (link reference definitions included).
     */
    private Section section(List<Node> nodes, Document parsed, Findings found) {
        Document part = new Document(parsed, parsed.getChars());
        List<String> codeBlocks = new ArrayList<>();
        part.set(CodeBlockRenderer.SLOTS, codeBlocks);
        RenderLog log = new RenderLog(found.file());
        part.set(RenderLog.KEY, log);
        List<String> commands = new ArrayList<>();
        for (Node node : nodes) {
            node.unlink();
            part.appendChild(node);
            collectCommands(node, commands);
        }
        String html = HtmlSanitizer.sanitize(renderer.render(part)).strip();
        found.problems().addAll(log.problems());
        log.ports().forEach(found.ports()::putIfAbsent);
        return new Section(CodeBlockRenderer.fill(html, slotToken, codeBlocks), commands,
                new TreeSet<>(log.ports().keySet()));
    }

    private static void collectCommands(Node node, List<String> commands) {
        if (node instanceof FencedCodeBlock block) {
            CodeBlockClassifier.command(CodeBlockClassifier.language(block.getInfo().toString()),
                    block.getContentChars().toString()).ifPresent(commands::add);
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collectCommands(child, commands);
        }
    }

    private static Optional<String> explicitId(Heading heading) {
        String raw = heading.getText().toString();
        Matcher name = NAME_ANCHOR.matcher(raw);
        if (name.find()) {
            return Optional.of(name.group(1));
        }
        Matcher brace = BRACE_ANCHOR.matcher(raw);
        return brace.find() ? Optional.of(brace.group(1)) : Optional.empty();
    }

    private static String plainText(Heading heading) {
        String text = new TextCollectingVisitor().collectAndGetText(heading);
        return BRACE_ANCHOR.matcher(text).replaceAll("").strip();
    }

    /** What the parts of one document found besides their HTML: every problem, and each port with its first line. */
    private record Findings(String file, List<LabProblem> problems, SortedMap<Integer, Integer> ports) {
    }

    private static boolean isBlank(List<Node> nodes) {
        return nodes.stream().allMatch(n -> n.getChars().isBlank());
    }
}
