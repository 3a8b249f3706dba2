package io.labdeck.classroom.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sign-in settings that cannot work stop the start with a message saying what to set. */
@Tag("fast")
class SignInCheckTest {

    @Test
    void basicAlwaysWorksAndTheCodeFlowNeedsOidc() {
        assertThat(SignInCheck.problem("basic", false)).isEmpty();
        assertThat(SignInCheck.problem("basic", true)).isEmpty();
        assertThat(SignInCheck.problem("code", true)).isEmpty();
        assertThat(SignInCheck.problem("code", false)).get().asString().contains("QUARKUS_OIDC_TENANT_ENABLED=true");
    }

    @Test
    void anUnknownPageSignInIsNamed() {
        assertThat(SignInCheck.problem("form", true)).get().asString()
                .contains("labdeck.admin.page-sign-in is 'form'").contains("basic or code");
    }
}
