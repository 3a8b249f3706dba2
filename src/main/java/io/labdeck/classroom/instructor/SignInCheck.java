package io.labdeck.classroom.instructor;

import io.labdeck.classroom.AdminConfig;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Stops a start whose sign-in settings cannot work, rather than leaving instructors before a page that never lets them
 * in: a page sign-in other than basic or code, or the code flow without OIDC. Says which sign-ins are on.
 */
@ApplicationScoped
public class SignInCheck {

    private static final Logger LOG = Logger.getLogger(SignInCheck.class);
    private static final Set<String> PAGE_SIGN_INS = Set.of("basic", "code");

    private final AdminConfig config;

    public SignInCheck(AdminConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        boolean oidc = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class)
                .orElse(true);
        problem(config.pageSignIn(), oidc).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        LOG.infof("instructors sign in with basic auth%s; pages ask with %s", oidc ? " and OIDC" : "",
                config.pageSignIn());
    }

    /** What is wrong with these settings, if anything. */
    static Optional<String> problem(String pageSignIn, boolean oidc) {
        if (!PAGE_SIGN_INS.contains(pageSignIn)) {
            return Optional.of("labdeck.admin.page-sign-in is '" + pageSignIn + "'; it must be basic or"
                    + " code.");
        }
        if (pageSignIn.equals("code") && !oidc) {
            return Optional.of("labdeck.admin.page-sign-in=code needs OIDC: set"
                    + " QUARKUS_OIDC_TENANT_ENABLED=true and QUARKUS_OIDC_AUTH_SERVER_URL (docs/operations.md).");
        }
        return Optional.empty();
    }
}
