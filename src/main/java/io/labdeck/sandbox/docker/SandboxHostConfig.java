package io.labdeck.sandbox.docker;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;

/**
 * docker-java's host configuration plus the masked and read-only paths, which it lacks. {@code docker run
 * --security-opt systempaths=unconfined} is no option of the API: the CLI turns it into empty lists of both, which
 * the inner engine of the {@code caps} mode needs (it writes to /proc/sys).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class SandboxHostConfig extends HostConfig {

    private static final long serialVersionUID = 1L;

    @JsonProperty("MaskedPaths")
    private List<String> maskedPaths;

    @JsonProperty("ReadonlyPaths")
    private List<String> readonlyPaths;

    /** Masks nothing and makes nothing read-only beyond the mounts themselves. */
    SandboxHostConfig withUnconfinedSystemPaths() {
        maskedPaths = List.of();
        readonlyPaths = List.of();
        return this;
    }
}
