package io.labdeck.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRequest;

/**
 * How a sandbox container runs, kept in its {@code io.labdeck.mode} label so that a restarted server knows it too:
 * it decides where commands run.
 */
enum SandboxMode {
    /** No Docker inside: the image's user (root) with Docker's default capabilities and no-new-privileges. */
    PLAIN,
    /**
     * A rootless engine inside an unprivileged container (uid 1000): the learner, the setup and the checks run in
     * the engine's namespaces, entered with labdeck-enter.
     */
    ROOTLESS,
    /** A root engine inside (caps, privileged, or a runtime such as sysbox): commands run as the image's root. */
    ROOT_ENGINE;

    static final String ENTER = "/usr/local/libexec/labdeck/labdeck-enter";

    static SandboxMode of(SandboxRequest request, SandboxConfig config) {
        if (!request.docker()) {
            return PLAIN;
        }
        return config.dindMode() == SandboxConfig.DindMode.ROOTLESS ? ROOTLESS : ROOT_ENGINE;
    }

    static SandboxMode label(String value) {
        try {
            return value == null ? PLAIN : valueOf(value);
        } catch (IllegalArgumentException e) {
            return PLAIN;
        }
    }

    /** {@code argv} as run where the learner works. */
    List<String> where(List<String> argv) {
        if (this != ROOTLESS) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 1);
        wrapped.add(ENTER);
        wrapped.addAll(argv);
        return wrapped;
    }
}
