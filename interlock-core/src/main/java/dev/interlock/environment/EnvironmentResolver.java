package dev.interlock.environment;

import dev.interlock.model.Operation;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds each operation's tier. Sources, in order: what analysis already knows (files and git inside the workspace are
 * {@code local}, and so is everything on this machine unless the request declares an environment); the explicit {@code context.environment}; the command's own locators (flags, prefixes, connection
 * strings) through the inventory; ambient variables and the kubeconfig; a database client with no server named, whose
 * default is this machine, when the request carries the agent's variables. An explicit environment is a floor: a
 * locator that resolves to a stricter tier wins. Nothing resolvable means {@code unknown}.
 */
public final class EnvironmentResolver {

    /** Locator kinds looked up in the inventory, most specific first. */
    static final List<String> KINDS = List.of("context", "kubeconfig", "cluster", "host", "profile", "account", "project",
            "subscription", "tenant", "resource-group", "stack", "app", "workspace", "backend", "mcp-server", "directory", "database", "catalog", "bucket", "container", "namespace", "environment", "cwd");
    /** Kinds that identify the target system itself: when one of them is local, nothing shared is at stake. */
    static final List<String> TARGETS = List.of("context", "kubeconfig", "cluster", "host");

    private final Inventory inventory;
    private final AmbientContext ambient;
    /** Inventory lookups by kind and value: the inventory never changes, and a plan asks the same few thousands of times. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<Inventory.Match>> lookups = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    public EnvironmentResolver(Inventory inventory, AmbientContext ambient) {
        this.inventory = inventory;
        this.ambient = ambient;
    }

    public Operation resolve(Operation op, RequestContext context) {
        if (op.environment() == Tier.LOCAL && !op.environmentSource().isEmpty()
                && (context.environment().isEmpty() || insideWorkspace(op)) && !sharedServer(op)) {
            return op;
        }
        Map<String, String> locators = locatorsWithAmbient(op, context);
        List<Inventory.Match> matches = new ArrayList<>();
        for (String kind : KINDS) {
            (kind.equals("kubeconfig") ? kubeconfig(locators.get(kind)) : lookup(kind, locators.get(kind))).ifPresent(matches::add);
        }
        // A shared place named beside this machine outweighs it: a container named for production (docker exec
        // postgres-prod …), or a target such as kubectl --context prod-eu-1 run in a local container. A container named
        // for dev (docker exec ibmmq-dev …) is that dev service, judged as dev rather than as this machine's own files.
        boolean sharedPlace = matches.stream().anyMatch(m -> (m.kind().equals("container") || TARGETS.contains(m.kind()))
                && m.entry().tier().gravity() > Tier.DEV.gravity()
                || m.kind().equals("container") && m.entry().tier() == Tier.DEV);
        for (Inventory.Match m : matches) {
            // localhost on a developer's machine is a sandbox; on a machine the request declares (prod, staging) it is
            // that machine, and the declared environment below decides
            if (TARGETS.contains(m.kind()) && m.entry().tier() == Tier.LOCAL && context.environment().isEmpty() && !sharedPlace) {
                return op.withEnvironment(Tier.LOCAL, m.explain());
            }
        }
        Optional<Inventory.Match> strictest = matches.stream()
                .reduce((a, b) -> b.entry().tier().gravity() > a.entry().tier().gravity() ? b : a);
        if (context.environment().isPresent()) {
            String name = context.environment().get();
            Tier explicit = inventory.tierOfName(name).orElse(Tier.UNKNOWN);
            String source = "context.environment '" + name + "'" + (explicit == Tier.UNKNOWN ? " is not a known environment" : "");
            if (strictest.isPresent() && strictest.get().entry().tier().gravity() > explicit.gravity()) {
                return op.withEnvironment(strictest.get().entry().tier(), strictest.get().explain() + ", stricter than " + source);
            }
            if (op.environment() == Tier.LOCAL && checkoutOnAWorkMachine(op, explicit)) {
                return op;
            }
            return op.withEnvironment(explicit, source);
        }
        if (strictest.isPresent()) {
            return op.withEnvironment(strictest.get().entry().tier(), strictest.get().explain());
        }
        if (op.environment() != Tier.UNKNOWN && !op.environmentSource().isEmpty()) {
            return op;
        }
        if (!op.resource().locator("default-host").isEmpty() && !context.env().isEmpty() && !throughMcp(op)) {
            // redis-cli FLUSHALL, psql -c …: with no server named the client talks to this machine's. The request carries
            // the agent's variables (the hooks always do), so PGHOST, DATABASE_URL and the like would have named another
            return op.withEnvironment(Tier.LOCAL, "no server named: the client's default is this machine "
                    + "(the agent's environment carried with the request names no other)");
        }
        if (kubernetes(op.system()) && !locators.containsKey("context") && !locators.containsKey("kubeconfig")
                && !op.resource().locators().containsKey("server") && !throughMcp(op) && noKubernetes(context)
                // inside a container or on another host, kubectl reads that machine's kubeconfig, not the agent's
                && !locators.containsKey("container") && !locators.containsKey("host") && !locators.containsKey("pod")) {
            return op.withEnvironment(Tier.LOCAL, "no kubeconfig and not in a cluster: kubectl has no cluster to reach");
        }
        return op.withEnvironment(Tier.UNKNOWN, op.environmentSource().isEmpty() ? "nothing names the environment" : op.environmentSource());
    }

    private Optional<Inventory.Match> lookup(String kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (lookups.size() > MAX_CACHED) {
            lookups.clear();
        }
        return lookups.computeIfAbsent(kind + '\u0000' + value, k -> inventory.lookup(kind, value));
    }

    /**
     * A kubeconfig file named for a context ({@code ~/.kube/kind-ops.yaml}, {@code k3d-checkout.yaml}) reaches that
     * context's cluster, so its name resolves as the context would; its path ({@code *prod*} anywhere in it) still
     * counts, and the stricter of the two wins.
     */
    private Optional<Inventory.Match> kubeconfig(String path) {
        Optional<Inventory.Match> byPath = lookup("kubeconfig", path);
        if (path == null || path.isBlank()) {
            return byPath;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        String stem = file.indexOf('.') > 0 ? file.substring(0, file.indexOf('.')) : file;
        Optional<Inventory.Match> byName = lookup("context", stem)
                .map(m -> new Inventory.Match(m.entry(), "kubeconfig", path, "context " + m.pattern()));
        if (byName.isEmpty() || byPath.isPresent() && byPath.get().entry().tier().gravity() >= byName.get().entry().tier().gravity()) {
            return byPath;
        }
        return byName;
    }

    /**
     * A checkout moved or reset on a machine declared dev is still the developer's own work (and judged as such, as on
     * a laptop): only a machine that serves others — staging, prod, or one whose environment is not known — runs that
     * checkout's code for someone else.
     */
    private static boolean checkoutOnAWorkMachine(Operation op, Tier declared) {
        return op.system().equals("git") && !op.resource().locator("checkout").isEmpty()
                && (declared == Tier.LOCAL || declared == Tier.DEV);
    }

    /**
     * Work inside the agent's workspace (its files, its git repository, builds it runs) stays local even on a machine
     * declared prod; anything else local (system files, services, the docker daemon, a script whose contents are not
     * shown, a database file even in the workspace: that machine's live data; a git checkout moved to other code or
     * reset: the code that machine runs) takes the declared environment.
     */
    private static boolean insideWorkspace(Operation op) {
        String area = op.resource().locator("area");
        if (area.equals("workspace") && DataFiles.holdsLiveData(op.resource().locator("path"))) {
            return false;
        }
        boolean inside = area.equals("workspace") || area.equals("temp");
        return inside || (area.isEmpty() && (op.system().equals("git") && op.resource().locator("checkout").isEmpty()
                || op.system().equals("process") && op.verb() == dev.interlock.model.Verb.EXECUTE
                && !op.resource().type().equals("script")));
    }

    private Map<String, String> locatorsWithAmbient(Operation op, RequestContext context) {
        Map<String, String> locators = new HashMap<>(op.resource().locators());
        EnvironmentVariables.locators(op.system(), context.env()).forEach(locators::putIfAbsent);
        EnvironmentVariables.locators(op.system(), ambient.env()).forEach(locators::putIfAbsent);
        OwnNames.of(op).ifPresent(name -> locators.putIfAbsent("app", name));
        if (kubernetes(op.system()) && !context.env().containsKey("KUBECONFIG") && !throughMcp(op)) {
            context.kubeconfig().map(k -> k.currentContext()).orElse(ambient.kubeContext())
                    .ifPresent(c -> locators.putIfAbsent("context", c));
        }
        locators.computeIfPresent("kubeconfig", (k, path) -> belowHome(path, context.env()));
        return locators;
    }

    /**
     * A kubeconfig in a home directory is named by its path below it: the account's name ({@code /home/dev/.kube/config},
     * {@code /Users/prod-ops/…}) says whose machine it is, not which cluster the file reaches.
     */
    private static String belowHome(String path, Map<String, String> env) {
        String home = env.getOrDefault("HOME", "").replaceFirst("/+$", "");
        if (!home.isEmpty() && path.startsWith(home + "/")) {
            return "~" + path.substring(home.length());
        }
        return path.replaceFirst("^(/home/[^/]+|/Users/[^/]+|/root)/", "~/");
    }

    /** The agent's machine's kubeconfig when the request carries it; this machine's only when it is the agent's. */
    private boolean noKubernetes(RequestContext context) {
        return context.kubeconfig().map(k -> k.absent()).orElse(ambient.noKubernetes());
    }

    /**
     * A call through an MCP server acts with the server's credentials and kubeconfig, not the agent's machine's: the
     * agent's kubeconfig (or its absence) says nothing about where it lands.
     */
    private static boolean throughMcp(Operation op) {
        return !op.resource().locator("mcp-server").isEmpty();
    }

    /**
     * A call through an MCP server that the inventory places in a shared environment ({@code docker-prod},
     * {@code docker-staging}): what analysis calls this machine (the local docker daemon) is that server's machine.
     */
    private boolean sharedServer(Operation op) {
        return throughMcp(op) && !insideWorkspace(op) && lookup("mcp-server", op.resource().locator("mcp-server"))
                .filter(m -> m.entry().tier().gravity() > Tier.DEV.gravity()).isPresent();
    }

    private static boolean kubernetes(String system) {
        return system.equals("kubernetes") || system.equals("helm");
    }
}
