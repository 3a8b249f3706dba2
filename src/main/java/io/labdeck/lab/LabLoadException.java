package io.labdeck.lab;

import java.util.List;

/**
 * One or more labs could not be loaded. Each problem names the file, the line where one is known, and what is wrong,
 * so the message alone tells an author what to fix.
 */
public class LabLoadException extends RuntimeException {

    private final List<LabProblem> problems;

    public LabLoadException(List<LabProblem> problems) {
        super(format(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public LabLoadException(LabProblem problem) {
        this(List.of(problem));
    }

    public List<LabProblem> problems() {
        return problems;
    }

    private static String format(List<LabProblem> problems) {
        StringBuilder out = new StringBuilder(problems.size() == 1 ? "A lab could not be loaded:" :
                problems.size() + " problems in the labs:");
        problems.forEach(p -> out.append("\n  ").append(p));
        return out.toString();
    }
}
