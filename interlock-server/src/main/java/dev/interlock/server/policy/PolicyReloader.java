package dev.interlock.server.policy;

import dev.interlock.Interlock;
import dev.interlock.policy.CompiledPolicy;
import dev.interlock.policy.PolicyException;
import dev.interlock.policy.PolicyFile;
import dev.interlock.server.audit.AuditLog;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the server's policy from its {@code --policy} path (or the shipped pack) on request and when the files
 * change. The engine compiles the candidate and runs its tests before swapping; a refused candidate leaves the old
 * policy in force. Both outcomes are audited ({@code policy.loaded}, {@code policy.refused}).
 */
public final class PolicyReloader implements AutoCloseable {

    /** What a reload did: the version in force and whether the candidate was taken. */
    public record Result(boolean loaded, String version, String reason) {
    }

    private final Interlock engine;
    private final Optional<Path> path;
    private final AuditLog audit;
    private WatchService watcher;
    private Thread watchThread;

    public PolicyReloader(Interlock engine, Optional<Path> path, AuditLog audit) {
        this.engine = engine;
        this.path = path;
        this.audit = audit;
    }

    /** Records the policy the server started with. */
    public void started() {
        CompiledPolicy p = engine.policy();
        audit.append("policy.loaded", body("startup", p.version(), p.policies(), ""));
    }

    public synchronized Result reload(String by) {
        String before = engine.policy().version();
        try {
            List<PolicyFile> files = path.map(PolicyFile::read).orElseGet(PolicyFile::defaults);
            CompiledPolicy p = engine.reload(files);
            audit.append("policy.loaded", body(by, p.version(), p.policies(), before));
            return new Result(true, p.version(), "");
        } catch (PolicyException | dev.interlock.environment.InventoryException e) {
            audit.append("policy.refused", body(by, before, List.of(), e.getMessage()));
            return new Result(false, before, e.getMessage());
        }
    }

    private static Map<String, Object> body(String by, String version, List<String> policies, String detail) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("by", by);
        data.put("policy_version", version);
        data.put("policies", policies);
        if (!detail.isEmpty()) {
            data.put(policies.isEmpty() ? "reason" : "previous_version", detail);
        }
        return data;
    }

    /** Watches the policy directory (or the file's directory) and reloads a moment after the last change. */
    public void watch() throws IOException {
        if (path.isEmpty()) {
            return;
        }
        Path dir = Files.isDirectory(path.get()) ? path.get() : path.get().toAbsolutePath().getParent();
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        watchThread = Thread.ofPlatform().daemon().name("interlock-policy-watch").start(this::watchLoop);
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Editors write in several steps: wait for the burst to end, then reload once.
                do {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(300, TimeUnit.MILLISECONDS);
                } while (key != null);
                try {
                    reload("file-watch");
                } catch (RuntimeException e) {
                    // storage failure while auditing the reload: the policy swap itself already happened or not;
                    // the next change or an explicit reload tries again.
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (watchThread != null) {
            watchThread.interrupt();
        }
    }
}
