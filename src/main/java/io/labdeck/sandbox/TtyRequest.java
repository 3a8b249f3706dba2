package io.labdeck.sandbox;

import java.util.List;
import java.util.Map;

/**
 * An interactive shell to open.
 *
 * @param command the program, e.g. a login shell
 * @param env     extra environment (TERM is set by the provisioner)
 * @param size    initial size
 */
public record TtyRequest(List<String> command, Map<String, String> env, TtySize size) {

    public TtyRequest {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }
}
