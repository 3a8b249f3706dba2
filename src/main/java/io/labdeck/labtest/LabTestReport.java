package io.labdeck.labtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabDocument;
import io.labdeck.lab.Step;

/**
 * The lab test table. Rows are printed as they come, so a long run shows its progress; the column widths are known
 * beforehand from the labs' ids, languages and step ids. The summary repeats the failures, so they need not be
 * searched for in a long table.
 */
public final class LabTestReport {

    private static final int MESSAGE_CHARS = 160;
    private static final String[] HEADINGS = {"LAB", "LANG", "STEP", "PHASE", "RESULT", "MESSAGE"};

    private final PrintStream out;
    private final String format;
    private final List<LabTestRow> rows = new ArrayList<>();
    private final long started = System.nanoTime();

    private LabTestReport(PrintStream out, String format) {
        this.out = out;
        this.format = format;
    }

    /** A report on {@code labs}, printed to {@code out}; the header is printed at once. */
    public static LabTestReport forLabs(List<Lab> labs, PrintStream out) {
        int lab = width(HEADINGS[0], labs.stream().map(Lab::id));
        int lang = width(HEADINGS[1], labs.stream().flatMap(l -> l.languages().stream()));
        int step = width(HEADINGS[2], Stream.concat(
                Stream.of(LabTestRow.SANDBOX, LabTestRow.CONTENT, LabTestRow.INTRO),
                labs.stream().flatMap(l -> l.documents().values().stream()).map(LabDocument::steps)
                        .flatMap(List::stream).map(Step::id)));
        int phase = width(HEADINGS[3], Arrays.stream(LabTestRow.Phase.values()).map(LabTestRow.Phase::label));
        String format = "%-" + lab + "s  %-" + lang + "s  %-" + step + "s  %-" + phase + "s  %-6s  %s";
        LabTestReport report = new LabTestReport(out, format);
        out.println(String.format(format, (Object[]) HEADINGS).stripTrailing());
        return report;
    }

    private static int width(String heading, Stream<String> values) {
        return Math.max(heading.length(), values.mapToInt(String::length).max().orElse(0));
    }

    public synchronized void add(LabTestRow row) {
        rows.add(row);
        out.println(line(row));
    }

    public synchronized boolean failed() {
        return rows.stream().anyMatch(r -> !r.passed());
    }

    /** Prints the totals, then the failing rows again. */
    public synchronized void printSummary(int labs, int runs) {
        long failed = rows.stream().filter(r -> !r.passed()).count();
        out.println();
        out.println(String.format(Locale.ROOT, "%d passed, %d failed (%s, %s, %.1f s)", rows.size() - failed,
                failed, count(labs, "lab"), count(runs, "lab-language run"), (System.nanoTime() - started) / 1e9));
        if (failed > 0) {
            out.println("Failures:");
            rows.stream().filter(r -> !r.passed()).forEach(r -> out.println(line(r)));
        }
        out.flush();
    }

    /** {@code 1 step}, {@code 3 steps}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String line(LabTestRow row) {
        return String.format(format, row.lab(), row.lang(), row.step(), row.phase().label(),
                row.passed() ? "PASS" : "FAIL", oneLine(row.message())).stripTrailing();
    }

    /** A message on one line, cut short: the table is for finding the problem, the sandbox has the details. */
    private static String oneLine(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " / ");
        return line.codePointCount(0, line.length()) <= MESSAGE_CHARS ? line
                : line.substring(0, line.offsetByCodePoints(0, MESSAGE_CHARS - 1)) + "…";
    }
}
