package io.labdeck.check;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.labdeck.lab.CheckSpec;
import io.labdeck.lab.Placeholders;
import io.labdeck.platform.RegistryConfig;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;

/**
 * Runs a step's scripts in a session's sandbox. Each runs in a fresh {@code sh} with the container's user and working
 * directory, which are the learner's: the terminal's shell starts the same way. The deadline is enforced inside the
 * sandbox, so a hung or flooding script is killed there and the sandbox stays usable.
 */
@ApplicationScoped
public class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final SandboxProvisioner sandboxes;
    private final CheckConfig config;
    private final RegistryConfig registry;

    public CheckRunner(SandboxProvisioner sandboxes, CheckConfig config, RegistryConfig registry) {
        this.sandboxes = sandboxes;
        this.config = config;
        this.registry = registry;
    }

    /** Runs the step's check; the hint, in {@code lang}, comes with a result that did not pass. */
    public CheckResult check(SandboxRef sandbox, CheckSpec spec, String lang) {
        if (!spec.hasScript()) {
            throw new IllegalArgumentException("step " + spec.stepId() + " has no check");
        }
        ExecResult result;
        try {
            result = sandboxes.exec(sandbox, request(sandbox, spec.script(), spec.timeout()).asProbe());
        } catch (SandboxFailedException e) {
            LOG.warnf("check %s in %s could not run: %s", spec.stepId(), sandbox.sessionId(), e.detail());
            return new CheckResult(spec.stepId(), false, "The check could not run: " + e.getMessage(),
                    hint(sandbox, spec, lang), CheckResult.Outcome.ERROR, Duration.ZERO);
        }
        boolean passed = result.succeeded();
        CheckResult.Outcome outcome = passed ? CheckResult.Outcome.PASSED
                : result.timedOut() ? CheckResult.Outcome.TIMED_OUT : CheckResult.Outcome.FAILED;
        String message = CheckMessages.message(result, config.messageLines(), config.messageChars());
        return new CheckResult(spec.stepId(), passed, message, passed ? Optional.empty() : hint(sandbox, spec, lang),
                outcome, result.elapsed());
    }

    /** The hint in {@code lang}, with {@code {{registry}}} and {@code {{session}}} filled like the lab's text. */
    private Optional<String> hint(SandboxRef sandbox, CheckSpec spec, String lang) {
        return spec.hint(lang).map(new Placeholders(registry.address(), sandbox.sessionId())::apply);
    }

    /** Runs a step's {@code solve} or {@code setup}, or the lab's setup: any script the lab gives. */
    public ScriptResult script(SandboxRef sandbox, String script, Duration timeout) {
        ExecResult result = run(sandbox, script, timeout);
        return new ScriptResult(result.succeeded(), result.exitCode(), result.timedOut(),
                CheckMessages.message(result, config.messageLines(), config.messageChars()));
    }

    private ExecResult run(SandboxRef sandbox, String script, Duration timeout) {
        return sandboxes.exec(sandbox, request(sandbox, script, timeout));
    }

    private ExecRequest request(SandboxRef sandbox, String script, Duration timeout) {
        String resolved = new Placeholders(registry.address(), sandbox.sessionId()).apply(script);
        return new ExecRequest(java.util.List.of("sh", "-c", resolved),
                Map.of("LABDECK_REGISTRY", registry.address(), "LABDECK_SESSION", sandbox.sessionId()),
                Optional.empty(), Optional.empty(), timeout, config.maxOutputBytes());
    }

    /**
     * How a setup or solve script ended.
     *
     * @param succeeded exit 0 within the deadline
     * @param exitCode  its exit code
     * @param timedOut  the deadline killed it
     * @param message   its last lines, or its {@code FAIL:} reason
     */
    public record ScriptResult(boolean succeeded, int exitCode, boolean timedOut, String message) {
    }
}
