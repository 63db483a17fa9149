package dev.interlock.cli.hook;

import dev.interlock.environment.AmbientContext;
import dev.interlock.hooks.Agent;
import dev.interlock.hooks.AgentSide;
import dev.interlock.hooks.AnswerWriter;
import dev.interlock.hooks.HookAnswer;
import dev.interlock.hooks.HookRunner;
import dev.interlock.hooks.PayloadReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local decider: one process per user and Interlock build that keeps policies compiled and the analysis warm, and
 * answers the local-mode hook over a unix socket, so that a tool call costs a {@code curl} instead of a JVM start.
 * It is only an accelerator: the launcher falls back to deciding in the hook's own process whenever the decider is
 * absent, stale or in trouble, and decides exactly as that process would — the same policy and inventory (named in
 * each request and re-read on each request, so an edit takes effect at once), and the caller's environment (its
 * variables come with the request; its kubeconfig and gcloud files are read as that process would read them), never
 * the decider's own.
 *
 * <p>The socket lives in a directory only its user can enter (mode 0700, like ssh-agent's); the decider exits after
 * {@code idle} without a request, when Interlock is rebuilt or upgraded under it, or when its socket is taken away.
 */
public final class DeciderDaemon {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_BODY = PayloadReader.MAX_PAYLOAD_BYTES + 1;
    private static final int MAX_POLICIES = 8;

    private final Path socket;
    private final Duration idle;
    private final BuildStamp build;
    private final PrintStream log;
    private final Map<String, Loaded> deciders = new ConcurrentHashMap<>();
    private final AtomicLong lastUse = new AtomicLong(System.nanoTime());
    private final AtomicLong served = new AtomicLong();
    private final Instant since = Instant.now();
    private final CountDownLatch stop = new CountDownLatch(1);

    private DeciderDaemon(Path socket, Duration idle, PrintStream log) {
        this.socket = socket;
        this.idle = idle;
        this.build = BuildStamp.now();
        this.log = log;
    }

    /** Serves until idle, stale or stopped; 0 also when another decider already serves this socket. */
    public static int run(Path socket, Duration idle, PrintStream log) {
        return new DeciderDaemon(socket.toAbsolutePath(), idle, log).serve();
    }

    private int serve() {
        Path dir = socket.getParent();
        try {
            privateDirectory(dir);
        } catch (IOException | IllegalStateException e) {
            log.println("interlock decider: " + e.getMessage());
            return 1;
        }
        Path lockFile = dir.resolve(socket.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                log.println("interlock decider: another decider already serves " + socket);
                return 0;
            }
            Files.deleteIfExists(socket); // a dead decider's socket: the lock says no one serves it
            Server server = server();
            server.start();
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            log.println("interlock decider: serving " + socket + " (pid " + ProcessHandle.current().pid() + ")");
            Object identity = Files.readAttributes(socket, "unix:ino").get("ino");
            while (!stop.await(2, TimeUnit.SECONDS)) {
                String why = reasonToStop(identity);
                if (why != null) {
                    log.println("interlock decider: stopping: " + why);
                    break;
                }
            }
            server.stop();
            if (Files.exists(socket) && identity.equals(Files.readAttributes(socket, "unix:ino").get("ino"))) {
                Files.deleteIfExists(socket);
            }
            return 0;
        } catch (Exception e) {
            log.println("interlock decider: " + e);
            return 1;
        }
    }

    private String reasonToStop(Object identity) {
        if (Duration.ofNanos(System.nanoTime() - lastUse.get()).compareTo(idle) > 0) {
            return "no request for " + idle.toMinutes() + " min";
        }
        if (!build.current()) {
            return "Interlock was rebuilt or upgraded";
        }
        try {
            if (!identity.equals(Files.readAttributes(socket, "unix:ino").get("ino"))) {
                return "the socket was replaced";
            }
        } catch (IOException | RuntimeException e) {
            return "the socket was removed";
        }
        return null;
    }

    private Server server() {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("decider");
        threads.setDaemon(true);
        Server server = new Server(threads);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                lastUse.set(System.nanoTime());
                Reply reply;
                try {
                    reply = answer(request);
                } catch (RuntimeException | IOException e) {
                    reply = new Reply(500, "interlock decider: " + e);
                }
                response.setStatus(reply.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                        reply.status() == 200 ? "application/json" : "text/plain; charset=utf-8");
                // Stop only once the answer is out: stopping first could close the connection before it is written.
                Content.Sink.write(response, true, reply.body(), reply.thenStop() ? Callback.from(callback, stop::countDown) : callback);
                return true;
            }
        });
        return server;
    }

    private record Reply(int status, String body, boolean thenStop) {
        Reply(int status, String body) {
            this(status, body, false);
        }
    }

    private Reply answer(Request request) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (method.equals("GET") && path.equals("/v1/status")) {
            return new Reply(200, status());
        }
        if (method.equals("POST") && path.equals("/v1/stop")) {
            return new Reply(200, "{\"stopping\":true}", true);
        }
        if (!method.equals("POST") || !path.startsWith("/v1/hooks/")) {
            return new Reply(404, "no such endpoint: " + method + " " + path);
        }
        if (!build.current()) {
            return new Reply(503, "this decider is an older build of Interlock; decide in process", true);
        }
        Agent agent;
        try {
            agent = Agent.parse(path.substring("/v1/hooks/".length()));
        } catch (IllegalArgumentException e) {
            return new Reply(404, e.getMessage());
        }
        byte[] payload;
        try (InputStream in = Content.Source.asInputStream(request)) {
            payload = in.readNBytes(MAX_BODY);
        }
        Map<String, String> env = AgentSide.envHeaders(request.getHeaders().getValuesList("X-Interlock-Env"));
        HookAnswer answer;
        try {
            LocalDecider decider = decider(path(request, "X-Interlock-Policy"), path(request, "X-Interlock-Inventory"));
            answer = HookRunner.run(agent, payload, AgentSide.detect(env), decider::decide);
        } catch (RuntimeException | LinkageError e) {
            answer = AnswerWriter.failure(agent, e instanceof IllegalStateException || e instanceof dev.interlock.policy.PolicyException
                    || e instanceof dev.interlock.environment.InventoryException ? e.getMessage() : "internal error: " + e);
        }
        served.incrementAndGet();
        answer = AnswerWriter.inBand(agent, answer);
        return answer.exitCode() == 0 ? new Reply(200, answer.stdout()) : new Reply(403, answer.stderr().strip());
    }

    private static Path path(Request request, String header) {
        String v = request.getHeaders().get(header);
        if (v == null || v.isBlank()) {
            return null;
        }
        Path p = Path.of(v);
        if (!p.isAbsolute()) {
            throw new IllegalStateException(header + " must be an absolute path, not '" + v + "'");
        }
        return p;
    }

    /** The decider for this policy and inventory as they are now on disk: recompiled only when their text changed. */
    private LocalDecider decider(Path policy, Path inventory) {
        LocalDecider.Source source = LocalDecider.Source.read(policy, inventory);
        String key = source.key();
        String slot = policy + "\u0000" + inventory;
        Loaded loaded = deciders.get(slot);
        if (loaded == null || !loaded.key().equals(key)) {
            if (deciders.size() >= MAX_POLICIES) {
                deciders.clear();
            }
            loaded = new Loaded(key, LocalDecider.create(source, AmbientContext.UNKNOWN));
            deciders.put(slot, loaded);
        }
        return loaded.decider();
    }

    private record Loaded(String key, LocalDecider decider) {
    }

    private String status() {
        return "{\"pid\":" + ProcessHandle.current().pid() + ",\"since\":\"" + since + "\",\"served\":" + served.get()
                + ",\"policies\":" + deciders.size() + ",\"socket\":\"" + socket.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"idle_minutes\":" + idle.toMinutes() + "}";
    }

    /** Creates {@code dir} for this user only, or refuses one that others can enter. */
    static void privateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by a decider starting at the same moment: checked below like any other
            }
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        String owner = Files.getOwner(dir).getName();
        if (!owner.equals(System.getProperty("user.name")) || !OWNER_ONLY.containsAll(perms)) {
            throw new IllegalStateException(dir + " must belong to " + System.getProperty("user.name")
                    + " with mode 0700 (it is " + owner + ", " + PosixFilePermissions.toString(perms) + "); not serving");
        }
    }

    /** The Interlock jar this decider runs: when it changes, the decider is stale and steps aside. */
    private record BuildStamp(Path jar, long size, long modified) {

        static BuildStamp now() {
            try {
                Path jar = Path.of(DeciderDaemon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return new BuildStamp(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
            } catch (Exception e) {
                return new BuildStamp(null, 0, 0);
            }
        }

        boolean current() {
            try {
                return jar == null || Files.size(jar) == size && Files.getLastModifiedTime(jar).toMillis() == modified;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
