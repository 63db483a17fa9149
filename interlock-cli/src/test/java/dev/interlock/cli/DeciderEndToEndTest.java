package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.cli.HookEndToEndTest.Result;
import dev.interlock.hooks.Agent;
import dev.interlock.hooks.HookAnswer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local decider through the real launcher: the first local-mode hook decides in its own JVM and starts the
 * decider; later hooks are answered by it, exactly as their own process would have answered them — with the caller's
 * kubeconfig and variables, and the policy as it is on disk now — and whenever the decider is gone, stale or broken the
 * hook still decides (in process).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeciderEndToEndTest {

    @TempDir
    static Path dir;
    static Path cache;
    static Path prodHome;
    static Path bareHome;

    @BeforeAll
    static void machine() throws IOException {
        cache = Files.createDirectories(dir.resolve("cache"));
        prodHome = Files.createDirectories(dir.resolve("prod"));
        Files.createDirectories(prodHome.resolve(".kube"));
        Files.writeString(prodHome.resolve(".kube/config"), "apiVersion: v1\nkind: Config\ncurrent-context: prod-eu-1\n");
        bareHome = Files.createDirectories(dir.resolve("bare"));
    }

    @AfterAll
    static void stop() throws Exception {
        launcher(bareHome, "decider", "stop");
        // A hook's fallback may have spawned a decider that is still starting (the last test leaves one behind): end
        // every decider of this test's cache directory, so none writes into it while JUnit deletes it.
        List<ProcessHandle> ours = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(cache.toString())).orElse(false))
                .toList();
        for (ProcessHandle p : ours) {
            p.destroy();
        }
        for (ProcessHandle p : ours) {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    static Map<String, String> env(String decider) {
        Map<String, String> env = new HashMap<>();
        env.put("INTERLOCK_DECIDER", decider);
        env.put("XDG_CACHE_HOME", cache.toString());
        return env;
    }

    static Result hook(String decider, Path home, String fixture, String... args) throws Exception {
        return hook(decider, home, Files.readAllBytes(HookEndToEndTest.PAYLOADS.resolve(fixture + ".json")), Map.of(), agentOf(fixture), args);
    }

    static Result hook(String decider, Path home, byte[] payload, Map<String, String> extra, String agent, String... args) throws Exception {
        Map<String, String> env = env(decider);
        env.putAll(extra);
        String[] all = Stream.concat(Stream.of(agent), Stream.of(args)).toArray(String[]::new);
        return HookEndToEndTest.hook(home, payload, env, all);
    }

    static Result launcher(Path home, String... args) throws Exception {
        return HookEndToEndTest.launcher(home, new byte[0], env("on"), args);
    }

    static String agentOf(String fixture) {
        return fixture.startsWith("claude-code") ? "claude-code" : fixture.substring(0, fixture.indexOf('-'));
    }

    static Path socket() throws IOException {
        Path run = cache.resolve("interlock/run");
        if (!Files.isDirectory(run)) {
            return null;
        }
        try (Stream<Path> s = Files.list(run)) {
            return s.filter(p -> p.toString().endsWith(".sock")).findFirst().orElse(null);
        }
    }

    static long served() throws Exception {
        Result status = launcher(bareHome, "decider", "status");
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        return Long.parseLong(status.out().replaceAll("(?s).*\"served\":(\\d+).*", "$1"));
    }

    static void awaitDecider() throws Exception {
        for (int i = 0; i < 600; i++) {
            Path s = socket();
            if (s != null && launcher(bareHome, "decider", "status").exit() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the decider did not start; its log: " + logs());
    }

    static String logs() throws IOException {
        Path run = cache.resolve("interlock/run");
        if (!Files.isDirectory(run)) {
            return "(no run directory)";
        }
        try (Stream<Path> s = Files.list(run)) {
            StringBuilder b = new StringBuilder();
            for (Path p : s.filter(p -> p.toString().endsWith(".log")).toList()) {
                b.append(Files.readString(p));
            }
            return b.toString();
        }
    }

    /** Stops the running decider and waits until its socket is gone; returns where it was. */
    static Path stopDecider() throws Exception {
        awaitDecider();
        Path sock = socket();
        Result stop = launcher(bareHome, "decider", "stop");
        assertThat(stop.exit()).as(stop.out() + stop.err() + logs()).isZero();
        for (int i = 0; i < 100 && Files.exists(sock); i++) {
            Thread.sleep(100);
        }
        return sock;
    }

    @Test
    @Order(1)
    void theFirstHookDecidesInItsOwnProcessAndStartsTheDecider() throws Exception {
        assertThat(launcher(bareHome, "decider", "status").exit()).isEqualTo(3);
        Result deny = hook("on", prodHome, "claude-code-bash");
        assertThat(deny.exit()).as(deny.err()).isZero();
        assertThat(deny.out()).contains("\"permissionDecision\":\"deny\"");
        awaitDecider();
        assertThat(Files.getPosixFilePermissions(socket().getParent())).hasSize(3); // rwx for the owner only
    }

    @Test
    @Order(2)
    void everyAgentsCallIsAnsweredAsItsOwnProcessWouldAnswerIt() throws Exception {
        awaitDecider();
        List<String> fixtures;
        try (Stream<Path> s = Files.list(HookEndToEndTest.PAYLOADS)) {
            fixtures = s.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        long before = served();
        for (String fixture : fixtures) {
            Agent agent = Agent.parse(agentOf(fixture));
            for (Path home : List.of(prodHome, bareHome)) {
                Result own = hook("off", home, fixture);
                Result decider = hook("on", home, fixture);
                String what = fixture + " in " + home.getFileName() + ": " + decider.err();
                boolean ownBlocks = new HookAnswer(own.out(), own.err(), own.exit()).blocks(agent);
                assertThat(new HookAnswer(decider.out(), decider.err(), decider.exit()).blocks(agent)).as(what).isEqualTo(ownBlocks);
                if (own.exit() == 0) {
                    assertThat(decider.out()).as(what).isEqualTo(own.out());
                }
            }
        }
        assertThat(served() - before).as("answered by the decider, not by fallbacks").isEqualTo(fixtures.size() * 2L);
    }

    @Test
    @Order(3)
    void eachCallIsDecidedWithItsCallersContextNotTheDecidersOwn() throws Exception {
        awaitDecider();
        byte[] helm = Files.readAllBytes(HookEndToEndTest.PAYLOADS.resolve("codex-bash.json"));
        assertThat(hook("on", prodHome, helm, Map.of(), "codex").out()).contains("\"permissionDecision\":\"deny\"");
        assertThat(hook("on", bareHome, helm, Map.of(), "codex").out()).isEmpty();
        Path kubeconfig = Files.writeString(dir.resolve("staging-kubeconfig"), "current-context: prod-us-2\n");
        assertThat(hook("on", bareHome, helm, Map.of("KUBECONFIG", kubeconfig.toString()), "codex").out())
                .as("KUBECONFIG of the caller").contains("\"permissionDecision\":\"deny\"");
    }

    @Test
    @Order(4)
    void anEditedPolicyTakesEffectAtOnceAndABrokenOneBlocks() throws Exception {
        awaitDecider();
        Path policy = Files.createDirectories(dir.resolve("policy"));
        Files.copy(HookEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"),
                policy.resolve("base.yaml"));
        Files.writeString(policy.resolve("team.yaml"), teamPolicy("allow"));
        byte[] status = Files.readAllBytes(HookEndToEndTest.PAYLOADS.resolve("claude-code-bash-harmless.json"));
        String[] args = {"--policy", policy.toString()};
        assertThat(hook("on", bareHome, status, Map.of(), "claude-code", args).out()).isEmpty();
        Files.writeString(policy.resolve("team.yaml"), teamPolicy("deny"));
        assertThat(hook("on", bareHome, status, Map.of(), "claude-code", args).out())
                .contains("\"permissionDecision\":\"deny\"").contains("no-git-today");
        Files.writeString(policy.resolve("team.yaml"), teamPolicy("allow").replace("op.evidence.contains(\"--short\")", "this is not CEL"));
        Result broken = hook("on", bareHome, status, Map.of(), "claude-code", args);
        assertThat(new HookAnswer(broken.out(), broken.err(), broken.exit()).blocks(Agent.CLAUDE_CODE)).as(broken.out() + broken.err()).isTrue();
        assertThat(broken.out() + broken.err()).contains("could not decide");
    }

    static String teamPolicy(String effect) {
        return """
                apiVersion: interlock.dev/v1
                kind: Policy
                metadata: {name: team}
                spec:
                  rules:
                    - id: no-git-today
                      effect: %s
                      message: "'git is paused today'"
                      match: {systems: [git]}
                      when: op.evidence.contains("--short")
                """.formatted(effect);
    }

    @Test
    @Order(5)
    void aStoppedOrDeadDeciderOnlyCostsTime() throws Exception {
        Path sock = stopDecider();
        assertThat(sock).doesNotExist();
        // A socket nobody listens on (a decider killed with -9): the hook falls back and still decides.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(sock));
        }
        assertThat(sock).exists();
        Result deny = hook("on", prodHome, "claude-code-bash");
        assertThat(deny.out()).contains("\"permissionDecision\":\"deny\"");
        Result allow = hook("on", prodHome, "claude-code-bash-harmless");
        assertThat(allow.exit()).isZero();
        assertThat(allow.out()).isEmpty();
        awaitDecider(); // the fallback started a new one, which cleared the dead socket
        long before = served();
        // On a loaded machine the new decider's first (cold) answer may miss the hook's budget, and the hook decides
        // itself: the decision is the same either way. What matters is that the new decider serves the calls after it.
        boolean servedByDecider = false;
        for (int i = 0; i < 3 && !servedByDecider; i++) {
            assertThat(hook("on", prodHome, "claude-code-bash").out()).contains("\"permissionDecision\":\"deny\"");
            servedByDecider = served() > before;
        }
        assertThat(servedByDecider).as("a hook call answered by the decider the fallback started").isTrue();
    }

    @Test
    @Order(6)
    void aDeciderThatNeverAnswersCostsTwoSecondsNotTheDecision() throws Exception {
        Path sock = stopDecider();
        // Something listening on the socket that accepts and never answers (a hung decider).
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(sock));
            List<java.nio.channels.SocketChannel> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(hung.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            long start = System.nanoTime();
            Result deny = hook("on", prodHome, "claude-code-bash");
            assertThat(deny.out()).as(deny.err()).contains("\"permissionDecision\":\"deny\"");
            // The kernel queued the hook's connection whether or not the acceptor thread has run yet (2 busy cores)
            long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (held.isEmpty() && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            assertThat(held).as("the hook did ask the hung decider first").isNotEmpty();
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(60));
            hung.close();
            acceptor.join(5_000);
            for (var c : held) {
                c.close();
            }
        }
        Files.deleteIfExists(sock);
    }
}
