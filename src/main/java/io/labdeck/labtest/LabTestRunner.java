package io.labdeck.labtest;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabService;
import io.labdeck.labtest.LabTestRow.Phase;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.session.lifecycle.SandboxRequestFactory;
import io.labdeck.session.SessionIds;
import io.quarkus.runtime.ShutdownEvent;

/**
 * {@code labdeck test-labs}: for each lab and each of its languages, a real sandbox (the lab's setup runs in its
 * creation), every step played through ({@link StepTester}), then the text checked ({@link ContentValidator}). The
 * table goes to the given stream; the exit code is 0 only when every row passed, so CI can rely on it.
 */
@ApplicationScoped
public class LabTestRunner {

    /** Exit code: some row failed. */
    public static final int FAILED = 1;
    /** Exit code: the command was wrong (an unknown lab) or there was nothing to test. */
    public static final int USAGE = 2;
    /** Exit code: stopped by Ctrl-C or a termination signal (128 + SIGINT). */
    public static final int INTERRUPTED = 130;


    private final LabService labs;
    private final SandboxProvisioner sandboxes;
    private final SandboxRequestFactory requests;
    private final StepTester steps;
    private final ContentValidator content;
    /** The sandbox being tested, for removal on Ctrl-C. */
    private volatile SandboxRef current;
    private volatile boolean running;
    private volatile boolean interrupted;

    public LabTestRunner(LabService labs, SandboxProvisioner sandboxes, SandboxRequestFactory requests,
            StepTester steps, ContentValidator content) {
        this.labs = labs;
        this.sandboxes = sandboxes;
        this.requests = requests;
        this.steps = steps;
        this.content = content;
    }

    /**
     * Tests the labs named, or every loaded lab when none is.
     *
     * @return 0 when every row passed, {@link #FAILED} when one did not, {@link #USAGE} for an unknown lab
     */
    public int run(List<String> labIds, PrintStream out, PrintStream err) {
        List<String> known = labs.labs().stream().map(Lab::id).toList();
        List<String> unknown = labIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            err.println((unknown.size() == 1 ? "Unknown lab: " : "Unknown labs: ") + String.join(", ", unknown)
                    + ". The labs are: " + String.join(", ", known));
            return USAGE;
        }
        List<Lab> chosen = labIds.isEmpty() ? labs.labs() : labIds.stream().distinct().map(labs::lab).toList();
        if (chosen.isEmpty()) {
            err.println("There are no labs to test: labs/ and LABDECK_LABS hold none.");
            return USAGE;
        }
        LabTestReport report = LabTestReport.forLabs(chosen, out);
        int runs = 0;
        running = true;
        for (Lab lab : chosen) {
            for (String lang : lab.languages()) {
                if (!interrupted) {
                    // Once interrupted, what fails because the sandbox is gone is not the lab's fault: not reported.
                    test(lab, lang, new RowWriter(lab.id(), lang, row -> {
                        if (!interrupted) {
                            report.add(row);
                        }
                    }));
                    runs++;
                }
            }
        }
        running = false;
        report.printSummary(chosen.size(), runs);
        return interrupted ? INTERRUPTED : report.failed() ? FAILED : 0;
    }

    /**
     * Ctrl-C: Quarkus stops without waiting for {@link #run} to return, so the sandbox in use is removed here, while
     * the engine client still works. One caught in the middle of its creation is left to the next run's reaper.
     */
    void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        if (!running) {
            return;
        }
        interrupted = true;
        SandboxRef sandbox = current;
        if (sandbox != null) {
            System.err.println("Interrupted: removing the sandbox in use.");
            sandboxes.destroy(sandbox);
        }
    }

    /** One lab in one language, in a sandbox of its own that is always removed. */
    private void test(Lab lab, String lang, RowWriter rows) {
        String sessionId = SessionIds.next();
        SandboxRequest request = requests.request(sessionId, lab);
        Sandbox sandbox;
        try {
            sandbox = sandboxes.create(request);
        } catch (RuntimeException e) {
            rows.fail(LabTestRow.SANDBOX, Phase.START, e instanceof SandboxFailedException f ? why(f) : e.toString());
            // The text can still be checked, all but its shell syntax, which is parsed in the sandbox.
            content.validate(lab, lang, sessionId, Optional.empty(), rows);
            return;
        }
        current = sandbox.ref();
        try {
            rows.pass(LabTestRow.SANDBOX, Phase.START, String.format(Locale.ROOT, "%s ready in %.1f s%s",
                    request.image(), sandbox.startTime().toMillis() / 1000.0,
                    lab.setup().filter(s -> !s.isBlank()).isPresent() ? ", lab setup ran" : ""));
            steps.test(lab, lab.document(lang).orElseThrow(), sandbox.ref(), rows, () -> interrupted);
            content.validate(lab, lang, sessionId, Optional.of(sandbox.ref()), rows);
        } catch (RuntimeException e) {
            // One lab's surprise must not stop the others or leave its sandbox behind.
            rows.fail(LabTestRow.SANDBOX, Phase.ERROR, "the test of this language stopped: " + e);
        } finally {
            destroy(sandbox, rows);
        }
    }

    private void destroy(Sandbox sandbox, RowWriter rows) {
        current = null;
        try {
            sandboxes.destroy(sandbox.ref());
        } catch (RuntimeException e) {
            rows.fail(LabTestRow.SANDBOX, Phase.ERROR, "the sandbox could not be removed: " + e);
        }
    }

    /** The learner's message, and the operator's detail when it adds something (a missing image: how to build it). */
    private static String why(SandboxFailedException e) {
        String detail = e.detail() == null ? "" : e.detail().strip();
        return detail.isEmpty() || e.getMessage().contains(detail) ? e.getMessage()
                : e.getMessage() + " (" + detail + ")";
    }
}
