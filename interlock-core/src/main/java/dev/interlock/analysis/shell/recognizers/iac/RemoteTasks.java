package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.TaskTargets;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Task runners that run their tasks on a list of hosts: Fabric ({@code fab -H web-prod-01,web-prod-02 deploy}) and
 * Capistrano ({@code cap production deploy}, {@code HOSTS=web-1 cap staging deploy}). A task is code in the project's
 * fabfile or Capfile, not in view, so it is an {@code execute} of unknown effect (a task named for destroying is that)
 * on each host, which the hosts place through the inventory ({@code web-prod-01} is prod); Capistrano's stage names the
 * environment when no host is given. Listing tasks, help and dry runs only look. Fabric without hosts runs its tasks on
 * this machine, unless a task's name says an environment ({@code fab production deploy}: Fabric 1's stage tasks).
 * {@code fab -H HOST -- CMD} is unwrapped before this recognizer (the command is analyzed on the hosts).
 */
public final class RemoteTasks implements Recognizer {

    /** Fabric's options that take a value, the host list among them (also read where {@code fab … -- CMD} is unwrapped). */
    public static final Set<String> FAB_VALUED = Set.of("-H", "--hosts", "-i", "--identity", "-S", "--ssh-config", "-t",
            "--connect-timeout", "-T", "--command-timeout", "-c", "--collection", "-r", "--search-root", "-f", "--config",
            "-R", "--roles", "-u", "--user", "-p", "--password", "-x", "--exclude-hosts", "--port",
            "--print-completion-script");
    private static final Set<String> FAB_LOOKS = Set.of("-l", "--list", "-h", "--help", "-V", "--version", "--complete",
            "--print-completion-script", "--dry", "--list-format");
    private static final Set<String> CAP_VALUED = Set.of("-f", "--rakefile", "-I", "--libdir", "-R", "--rakelibdir",
            "-r", "--roles", "-z", "--hosts", "-E", "--execute-continue");
    private static final Set<String> CAP_LOOKS = Set.of("-T", "--tasks", "-n", "--dry-run", "-P", "--prereqs", "-D",
            "--describe", "-W", "--where", "-V", "--version", "-h", "--help");
    /**
     * Capistrano tasks that only look at the servers or at the project's own configuration ({@code deploy:check} checks
     * the repository and the servers' directories and linked files before a deploy, deploying nothing).
     */
    private static final Set<String> CAP_READS = Set.of("doctor", "doctor:environment", "doctor:gems", "doctor:servers",
            "doctor:variables", "install", "deploy:check", "deploy:check:directories", "deploy:check:linked_dirs",
            "deploy:check:linked_files", "deploy:check:make_linked_dirs");
    /** A host list longer than this becomes one operation naming them all. */
    private static final int MAX_HOSTS = 16;

    @Override
    public Set<String> programs() {
        return Set.of("fab", "cap");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return inv.program().equals("fab") ? fabric(inv) : capistrano(inv);
    }

    private static List<Operation> fabric(Invocation inv) {
        ParsedArgs p = inv.parse(FAB_VALUED);
        List<String> tasks = tasks(p, inv, true);
        if (p.has(FAB_LOOKS.toArray(String[]::new)) || tasks.isEmpty()) {
            return List.of(looks(inv, "fab only lists, describes or shows its tasks"));
        }
        List<String> hosts = hosts(p.flags().getOrDefault("-H", List.of()), p.flags().getOrDefault("--hosts", List.of()));
        if (hosts.isEmpty()) {
            // a stage task (fab production deploy) still says where; otherwise the tasks run here
            return List.of(TaskTargets.namedTarget(inv, tasks, true)
                    .filter(op -> !op.resource().locator("environment").isEmpty())
                    .orElseGet(() -> LocalFiles.execute(inv, "fab", "runs the fabfile's tasks on this machine (no hosts named)")));
        }
        return onHosts(inv, tasks, hosts, Map.of());
    }

    private static List<Operation> capistrano(Invocation inv) {
        ParsedArgs p = inv.parse(CAP_VALUED);
        List<String> words = tasks(p, inv, false);
        if (p.has(CAP_LOOKS.toArray(String[]::new)) || words.isEmpty()) {
            return List.of(looks(inv, "cap only lists or describes its tasks, or prints what they would run"));
        }
        // cap STAGE TASK…: the stage file (config/deploy/STAGE.rb) names the servers
        boolean staged = words.size() > 1 && !words.getFirst().contains(":");
        String stage = staged ? words.getFirst() : "";
        List<String> tasks = staged ? words.subList(1, words.size()) : words;
        if (tasks.stream().allMatch(CAP_READS::contains)) {
            return List.of(looks(inv, "cap " + String.join(" ", tasks) + " only checks the configuration and servers"));
        }
        List<String> hosts = hosts(p.flags().getOrDefault("-z", List.of()), p.flags().getOrDefault("--hosts", List.of()),
                assigned(inv, "HOSTS").map(List::of).orElse(List.of()));
        return onHosts(inv, tasks, hosts, stage.isEmpty() ? Map.of() : Map.of("environment", stage));
    }

    /** The tasks, one operation per host (or one for the stage when no host is named). */
    private static List<Operation> onHosts(Invocation inv, List<String> tasks, List<String> hosts, Map<String, String> stage) {
        Optional<Operation> named = TaskTargets.namedTarget(inv, tasks, false);
        Verb verb = named.map(Operation::verb).filter(v -> v != Verb.UPDATE).orElse(Verb.EXECUTE);
        String what = String.join(" ", tasks);
        List<String> where = hosts.isEmpty() ? List.of("") : hosts.size() > MAX_HOSTS ? List.of(String.join(",", hosts)) : hosts;
        List<Operation> ops = new ArrayList<>();
        for (String host : where) {
            Operation.Builder b = Operation.builder(inv.program(), verb).resource("task", what).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).scope(hosts.size() > 1 ? Scope.MANY : Scope.ONE)
                    .note("runs the task " + what + (host.isEmpty() ? " on the stage's servers" : " on " + host)
                            + " (its code is not in view)");
            if (verb.destructive()) {
                b.stateful(true).reversible(false);
            }
            stage.forEach(b::locator);
            named.map(op -> op.resource().locator("environment")).filter(e -> !e.isEmpty())
                    .ifPresent(e -> b.locator("environment", e));
            if (!host.isEmpty()) {
                b.locator("host", host);
            }
            inv.locators().forEach(b::locator);
            ops.add(b.build());
        }
        return ops;
    }

    /**
     * The positionals that name tasks: not a value of a task's own option ({@code deploy --branch main}: an option after
     * the first task is the task's), not {@code K=V}. Fabric 1's {@code task:arg,kw=v} is the task {@code task}.
     */
    private static List<String> tasks(ParsedArgs p, Invocation inv, boolean fabric) {
        List<String> tasks = new ArrayList<>();
        String previous = "";
        for (String w : inv.words()) {
            if (w.equals("--")) {
                break;
            }
            boolean optionValue = !tasks.isEmpty() && previous.startsWith("--") && !previous.contains("=");
            boolean withArgs = fabric && w.indexOf(':') > 0;
            if (!w.startsWith("-") && (withArgs || !w.contains("=")) && !optionValue && p.words().contains(w)) {
                tasks.add(withArgs ? w.substring(0, w.indexOf(':')) : w);
            }
            previous = w;
        }
        return tasks;
    }

    /** Host lists ({@code -H a,b -H c}, {@code HOSTS=a,b}) as host names without user or port, in order, once each. */
    @SafeVarargs
    private static List<String> hosts(List<String>... lists) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> list : lists) {
            for (String value : list) {
                for (String h : value.split(",")) {
                    if (!h.isBlank()) {
                        out.add(Hosts.of(h.strip()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code HOSTS=web-1} as an argument of cap (Rake's variables) or in its environment. */
    private static Optional<String> assigned(Invocation inv, String name) {
        for (String w : inv.words()) {
            if (w.startsWith(name + "=")) {
                return Optional.of(w.substring(name.length() + 1));
            }
        }
        return Optional.ofNullable(inv.env().get(name));
    }

    private static Operation looks(Invocation inv, String note) {
        return Operation.builder(inv.program(), Verb.READ).resource("task", "").evidence(inv.evidence()).note(note).build();
    }
}
