package io.labdeck.classroom;

import java.util.HashMap;
import java.util.Map;

import io.labdeck.session.FakeSandboxProfile;

/** Classes on in-memory sandboxes, with the first instructor given as an operator would (labdeck.admin.*). */
public class ClassroomProfile extends FakeSandboxProfile {

    static final String ADMIN = "alice";
    static final String ADMIN_PASSWORD = "alice-secret-1";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("labdeck.admin.user", ADMIN);
        config.put("labdeck.admin.password", ADMIN_PASSWORD);
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:classroom;DB_CLOSE_DELAY=-1");
        return config;
    }
}
