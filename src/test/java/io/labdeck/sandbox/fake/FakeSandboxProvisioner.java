package io.labdeck.sandbox.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.SandboxResource;
import io.labdeck.sandbox.SandboxState;
import io.labdeck.sandbox.SandboxStats;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;

/**
 * Sandboxes in memory, for tests of what sits above the SPI (sessions, quotas, progress) that need no real engine:
 * a create takes no time, every command succeeds with no output, a TTY is a {@link FakeShell}. A test profile
 * enables it with {@code getEnabledAlternatives}.
 */
@Alternative
@ApplicationScoped
public class FakeSandboxProvisioner implements SandboxProvisioner {

    private final Map<String, SandboxRequest> live = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final Map<String, FakeShell> shells = new ConcurrentHashMap<>();
    private volatile String address = "192.0.2.1";

    /** The address every sandbox reports from now on (a test's own server on 127.0.0.1 stands in for its ports). */
    public void address(String address) {
        this.address = address;
    }

    @Override
    public Sandbox create(SandboxRequest request) {
        String id = "fake-" + request.sessionId();
        live.put(id, request);
        created.incrementAndGet();
        return new Sandbox(new SandboxRef(request.sessionId(), id), Duration.ofMillis(1));
    }

    /** How many sandboxes were ever created. */
    public int created() {
        return created.get();
    }

    /** The sandboxes that exist now. */
    public int live() {
        return live.size();
    }

    private final List<String> scripts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Integer> exits = new ConcurrentHashMap<>();

    @Override
    public ExecResult exec(SandboxRef sandbox, ExecRequest request) {
        String script = String.join(" ", request.argv());
        scripts.add(sandbox.id() + " " + script);
        if (!live.containsKey(sandbox.id())) {
            return new ExecResult(125, "", "no such sandbox", false, false, Duration.ZERO);
        }
        int exit = exits.entrySet().stream().filter(e -> script.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(0);
        return new ExecResult(exit, exit == 0 ? "" : "FAIL: as the test asked", "", false, false, Duration.ZERO);
    }

    /** Scripts containing {@code fragment} exit with {@code code} from now on (0 unless a test says so). */
    public void exitWith(String fragment, int code) {
        exits.put(fragment, code);
    }

    /** Every script exits 0 again. */
    public void resetExits() {
        exits.clear();
    }

    /** How many times a script containing {@code fragment} ran in the sandbox. */
    public long ran(String sandboxId, String fragment) {
        return scripts.stream().filter(s -> s.startsWith(sandboxId + " ") && s.contains(fragment)).count();
    }

    private final Map<String, AtomicInteger> attachments = new ConcurrentHashMap<>();

    @Override
    public TtySession openTty(SandboxRef sandbox, TtyRequest request, TtyOutput output) {
        attachments.computeIfAbsent(sandbox.id(), id -> new AtomicInteger()).incrementAndGet();
        return shell(sandbox.id()).attach(output);
    }

    /** How many times a TTY was attached to the sandbox's shell. */
    public int attachments(String sandboxId) {
        return Optional.ofNullable(attachments.get(sandboxId)).map(AtomicInteger::get).orElse(0);
    }

    /** The fake shell of a sandbox, made on its first attachment. */
    public FakeShell shell(String sandboxId) {
        return shells.computeIfAbsent(sandboxId, id -> new FakeShell(16L << 20, 1L << 20));
    }

    @Override
    public SandboxState inspect(SandboxRef sandbox) {
        SandboxRequest request = live.get(sandbox.id());
        return request == null ? SandboxState.gone() : new SandboxState(true, true, "running", List.of(),
                Optional.of(new SandboxLimits(request.limits().memoryBytes(), request.limits().cpus(),
                        request.limits().pids())), Map.of(), Optional.of(address));
    }

    @Override
    public SandboxStats stats(SandboxRef sandbox) {
        return new SandboxStats(0, live.containsKey(sandbox.id()) ? 1 : 0);
    }

    @Override
    public void stop(SandboxRef sandbox) {
    }

    @Override
    public void destroy(SandboxRef sandbox) {
        live.remove(sandbox.id());
        shells.remove(sandbox.id());
    }

    @Override
    public List<SandboxResource> list() {
        List<SandboxResource> all = new ArrayList<>();
        live.forEach((id, r) -> all.add(new SandboxResource(SandboxResource.Kind.CONTAINER, id, r.sessionId())));
        return all;
    }

    @Override
    public void remove(SandboxResource resource) {
        live.remove(resource.id());
    }

    @Override
    public Optional<String> networkProblem() {
        return Optional.empty();
    }

    @Override
    public boolean available() {
        return true;
    }
}
