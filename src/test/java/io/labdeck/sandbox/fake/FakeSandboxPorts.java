package io.labdeck.sandbox.fake;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.SandboxPorts;
import io.labdeck.sandbox.SandboxRef;

/** Listening ports that a test sets per sandbox; a sandbox it said nothing about listens on nothing. */
@Alternative
@ApplicationScoped
public class FakeSandboxPorts implements SandboxPorts {

    private final Map<String, List<ListeningPort>> ports = new ConcurrentHashMap<>();

    /** From now on, the sandbox listens on exactly these. */
    public void set(SandboxRef sandbox, ListeningPort... listening) {
        ports.put(sandbox.id(), List.of(listening));
    }

    @Override
    public List<ListeningPort> listening(SandboxRef sandbox) {
        return ports.getOrDefault(sandbox.id(), List.of()).stream()
                .sorted(Comparator.comparingInt(ListeningPort::port)).toList();
    }
}
