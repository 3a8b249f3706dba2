package io.labdeck.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;

/**
 * What the renderers of one part of a document found besides its HTML: the problems of its actions (each with its
 * line) and the ports its text names. The splitter sets a fresh one on each part before rendering it.
 */
final class RenderLog {

    static final DataKey<RenderLog> KEY = new DataKey<>("LABDECK_RENDER_LOG", new RenderLog("?"));

    private final String file;
    private final List<LabProblem> problems = new ArrayList<>();
    private final SortedMap<Integer, Integer> ports = new TreeMap<>();

    RenderLog(String file) {
        this.file = file;
    }

    /** A problem at a node's first line, or {@code lines} below it. */
    void problem(Node node, int lines, String message) {
        problems.add(LabProblem.at(file, node.getStartLineNumber() + 1 + lines, message));
    }

    /** A problem at the line of an offset into the document. */
    void problemAt(Node node, int offset, String message) {
        problems.add(LabProblem.at(file, node.getDocument().getLineNumber(offset) + 1, message));
    }

    /** A port the text names, at the first line that names it. */
    void port(int port, Node node, int offset) {
        ports.putIfAbsent(port, node.getDocument().getLineNumber(offset) + 1);
    }

    List<LabProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Port → the first line naming it. */
    SortedMap<Integer, Integer> ports() {
        return Collections.unmodifiableSortedMap(ports);
    }
}
