package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A playbook this command line wrote ({@code cat > /tmp/p.yml <<EOF … EOF; ansible-playbook -i localhost, /tmp/p.yml})
 * whose plays all run on this machine ({@code hosts: localhost} with {@code connection: local}): each task is judged as
 * the shell command that does the same here ({@code file state=directory} is {@code mkdir -p}, {@code command} its
 * command line). A play for other hosts, or a module not in the small table, leaves the run as it was: tasks not judged.
 */
final class LocalPlays {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");
    /** Task keys that are not the module (names, conditions, loops, privilege and error handling). */
    private static final Set<String> TASK_KEYS = Set.of("name", "when", "tags", "register", "changed_when", "failed_when",
            "ignore_errors", "no_log", "become", "become_user", "environment", "vars", "args", "check_mode", "delegate_to");
    private static final Set<String> PLAY_KEYS = Set.of("hosts", "connection", "gather_facts", "name", "tasks", "vars",
            "become", "become_user");
    private static final int MAX_ALIASES = 10;

    private LocalPlays() {
    }

    /** The tasks of the playbook at {@code path}, as operations on this machine, when the line wrote it and it is local. */
    static Optional<List<Operation>> of(Invocation inv, Nested nested, String path) {
        Optional<String> text = nested.written(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            doc = new Yaml(new SafeConstructor(options)).load(text.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(doc instanceof List<?> plays) || plays.isEmpty()) {
            return Optional.empty();
        }
        List<String> commands = new ArrayList<>();
        for (Object play : plays) {
            if (!(play instanceof Map<?, ?> p) || !local(p) || !PLAY_KEYS.containsAll(keys(p))
                    || !(p.get("tasks") instanceof List<?> tasks)) {
                return Optional.empty();
            }
            for (Object task : tasks) {
                Optional<String> command = task instanceof Map<?, ?> t ? command(t) : Optional.empty();
                if (command.isEmpty()) {
                    return Optional.empty();
                }
                commands.add(command.get());
            }
        }
        List<Operation> ops = new ArrayList<>();
        for (String command : commands) {
            for (Operation op : nested.shell(command, inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
        }
        return Optional.of(ops);
    }

    private static boolean local(Map<?, ?> play) {
        String hosts = String.valueOf(play.get("hosts"));
        return (LOCAL_HOSTS.contains(hosts) || Hosts.loopback(hosts)) && "local".equals(play.get("connection"));
    }

    private static List<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    /** The shell twin of one task, or empty when its module is not one read here. */
    private static Optional<String> command(Map<?, ?> task) {
        List<String> modules = keys(task).stream().filter(k -> !TASK_KEYS.contains(k)).toList();
        if (modules.size() != 1) {
            return Optional.empty();
        }
        String module = modules.getFirst();
        String shortModule = module.substring(module.lastIndexOf('.') + 1);
        Object args = task.get(module);
        if (Set.of("command", "shell").contains(shortModule)) {
            return args instanceof String s ? Optional.of(s) : Optional.empty();
        }
        if (shortModule.equals("debug")) {
            return Optional.of("true");
        }
        if (!shortModule.equals("file") || !(args instanceof Map<?, ?> a)) {
            return Optional.empty();
        }
        Object path = a.containsKey("path") ? a.get("path") : a.containsKey("dest") ? a.get("dest") : a.get("name");
        if (!(path instanceof String p) || p.isBlank() || p.contains("{{")) {
            return Optional.empty();
        }
        String quoted = "'" + p.replace("'", "'\\''") + "'";
        return switch (String.valueOf(a.containsKey("state") ? a.get("state") : "file")) {
            case "directory" -> Optional.of("mkdir -p " + quoted);
            case "touch" -> Optional.of("touch " + quoted);
            case "absent" -> Optional.of("rm -rf " + quoted);
            default -> Optional.empty();
        };
    }
}
