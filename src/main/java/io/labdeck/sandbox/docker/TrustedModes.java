package io.labdeck.sandbox.docker;

import java.util.Locale;

import org.jboss.logging.Logger;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxRequest;

/**
 * The Docker-in-Docker modes that give the learner the host ({@code caps}, {@code privileged}): Docker labs are
 * refused in them unless the platform trusts its learners, and even then Labdeck warns once at startup.
 */
final class TrustedModes {

    private static final Logger LOG = Logger.getLogger(TrustedModes.class);

    private TrustedModes() {
    }

    /** The startup's one line about the mode, when it is one of them. */
    static void warn(SandboxConfig config) {
        if (!config.dindMode().givesHost()) {
            return;
        }
        String mode = name(config);
        if (config.trustedLearners()) {
            LOG.warnf("labdeck.sandbox.dind-mode=%s with trusted-learners=true: every learner of a Docker lab is root"
                    + " on this host (they can take it, every other sandbox and the database). Use it only for"
                    + " learners you would give a root shell on this machine.", mode);
        } else {
            LOG.errorf("labdeck.sandbox.dind-mode=%s gives learners root on the host: Docker labs will not start"
                    + " unless labdeck.sandbox.trusted-learners=true. Use dind-mode=rootless.", mode);
        }
    }

    /** Refuses a Docker lab's sandbox in such a mode, unless learners are trusted. */
    static void refuse(SandboxRequest request, SandboxConfig config) {
        if (request.docker() && config.dindMode().givesHost() && !config.trustedLearners()) {
            throw new SandboxFailedException("This server is set to run Docker labs in a mode that gives learners"
                    + " root on the host, and refuses to.", "labdeck.sandbox.dind-mode=" + name(config)
                    + " needs labdeck.sandbox.trusted-learners=true; rootless is the safe mode");
        }
    }

    private static String name(SandboxConfig config) {
        return config.dindMode().name().toLowerCase(Locale.ROOT);
    }
}
