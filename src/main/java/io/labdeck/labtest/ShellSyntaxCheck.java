package io.labdeck.labtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.labtest.LabTestRow.Phase;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;

/**
 * Parses runnable blocks with {@code -n} (read, never run) in the lab's own sandbox, with the shell the learner's
 * terminal starts there: bash when the image has it, else sh. A command that bash accepts (such as {@code <(...)})
 * can be a syntax error for dash, so the shell matters. All of a language's commands are parsed in one exec; each is
 * passed as an argument, so no quoting is involved.
 */
@ApplicationScoped
public class ShellSyntaxCheck {

    /** Prints the shell, then {@code index<TAB>first line of the error} for each command that does not parse. */
    private static final String SCRIPT = """
            shell=/bin/sh
            [ -x /bin/bash ] && shell=/bin/bash
            echo "shell $shell"
            i=0
            for c in "$@"; do
              i=$((i + 1))
              if ! err=$("$shell" -n -c "$c" 2>&1 </dev/null); then
                printf '%s\\t%s\\n' "$i" "$(printf '%s\\n' "$err" | head -n 1)"
              fi
            done
            """;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SandboxProvisioner sandboxes;

    public ShellSyntaxCheck(SandboxProvisioner sandboxes) {
        this.sandboxes = sandboxes;
    }

    /**
     * One runnable block's command.
     *
     * @param part   where it is: {@code intro} or a step id
     * @param number its place among the part's commands, from 1
     * @param text   what Run would send to the terminal
     */
    record Command(String part, int number, String text) {
    }

    void check(SandboxRef sandbox, List<Command> commands, RowWriter rows) {
        if (commands.isEmpty()) {
            rows.pass(LabTestRow.CONTENT, Phase.SHELL_SYNTAX, "no runnable blocks");
            return;
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "labdeck-syntax"));
        commands.forEach(c -> argv.add(c.text()));
        ExecResult result;
        try {
            result = sandboxes.exec(sandbox, new ExecRequest(argv, Map.of(), Optional.empty(), Optional.empty(),
                    TIMEOUT, ExecRequest.DEFAULT_MAX_OUTPUT));
        } catch (SandboxFailedException e) {
            rows.fail(LabTestRow.CONTENT, Phase.SHELL_SYNTAX, "could not run: " + e.getMessage());
            return;
        }
        if (!result.succeeded()) {
            rows.fail(LabTestRow.CONTENT, Phase.SHELL_SYNTAX, "the syntax check did not finish (exit "
                    + result.exitCode() + "): " + result.stderr().strip());
            return;
        }
        report(commands, result.stdout(), rows);
    }

    private static void report(List<Command> commands, String output, RowWriter rows) {
        String shell = "sh";
        int failures = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("shell ")) {
                shell = line.substring("shell ".length()).strip();
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            Command command = commands.get(Integer.parseInt(line.substring(0, tab)) - 1);
            failures++;
            rows.fail(command.part(), Phase.SHELL_SYNTAX, "command " + command.number() + " (" + firstLine(command)
                    + "): " + line.substring(tab + 1).replaceFirst("^(/bin/)?(ba)?sh: (-c: )?", ""));
        }
        if (failures == 0) {
            rows.pass(LabTestRow.CONTENT, Phase.SHELL_SYNTAX, "commands that parse with " + shell + ": "
                    + commands.size() + " of " + commands.size());
        }
    }

    private static String firstLine(Command command) {
        String first = command.text().strip().lines().findFirst().orElse("");
        return first.length() <= 40 ? first : first.substring(0, 39) + "…";
    }
}
