package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tunnels opened earlier in the line ({@code kubectl port-forward}, {@code ssh -L}, {@code cloud-sql-proxy},
 * {@code aws ssm start-session … PortForwarding…}): a data store or another server reached on {@code localhost}
 * afterwards is the tunnel's far end, and takes that environment — not the local machine's.
 */
final class Tunnels {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]");
    private Map<String, String> last;

    /** Looks at a command that just ran for a tunnel it opens. */
    void observe(List<String> w) {
        String program = w.getFirst().substring(w.getFirst().lastIndexOf('/') + 1);
        Map<String, String> far = switch (program) {
            case "kubectl", "oc" -> kubernetes(w);
            case "ssh", "autossh" -> ssh(w);
            case "cloud-sql-proxy", "cloud_sql_proxy" -> cloudSql(w);
            case "aws" -> ssm(w);
            default -> null;
        };
        if (far != null) {
            last = far;
        }
    }

    /** A database operation or another server's on localhost, moved to the far end of the last tunnel. */
    Optional<Operation> through(Operation op) {
        // redis-cli FLUSHALL with no -h talks to this machine's default port: the tunnel's local end, when one is open
        boolean local = LOCAL_HOSTS.contains(op.resource().locator("host"))
                || op.resource().locator("host").isEmpty() && !op.resource().locator("default-host").isEmpty();
        // any other server named on localhost (jenkins-cli -s http://localhost:8080 after ssh -L 8080:ci.prod:8080) is the
        // far end too; one that runs elsewhere (ssh host …) has its own localhost
        boolean server = LOCAL_HOSTS.contains(op.resource().locator("host")) && op.resource().locator("runs-in").isEmpty();
        if (last == null || !(op.system().equals("database") || server) || !local) {
            return Optional.empty();
        }
        Operation.Builder b = op.toBuilder();
        b.locator("host", last.getOrDefault("host", "tunnel"));
        last.forEach((k, v) -> {
            if (!k.equals("host")) {
                b.locator(k, v);
            }
        });
        b.environment(Tier.UNKNOWN, "");
        String through = last.get("through");
        return Optional.of(b.note((op.note().isEmpty() ? "" : op.note() + "; ") + "localhost is a tunnel to "
                + last.getOrDefault("host", "another host") + " (" + through + ")").build());
    }

    private static Map<String, String> kubernetes(List<String> w) {
        if (!w.contains("port-forward")) {
            return null;
        }
        Map<String, String> far = new HashMap<>();
        ParsedArgs p = ParsedArgs.parse(w.stream().skip(1).map(Arg::of).toList(), Set.of("-n", "--namespace", "--context",
                "--kubeconfig", "--cluster", "--address"));
        p.value("-n", "--namespace").ifPresent(v -> far.put("namespace", v));
        p.value("--context").ifPresent(v -> far.put("context", v));
        p.value("--cluster").ifPresent(v -> far.put("cluster", v));
        String target = p.words().stream().filter(x -> !x.equals("port-forward") && !Regex.matches(x, "[\\d:]+")).findFirst().orElse("");
        far.put("host", target.isEmpty() ? "a pod" : target.substring(target.indexOf('/') + 1));
        far.put("through", "kubectl port-forward");
        return far;
    }

    private static Map<String, String> ssh(List<String> w) {
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            String spec = null;
            if (Regex.matches(a, "-[a-zA-Z]*L") && i + 1 < w.size()) {
                spec = w.get(i + 1);
            } else if (a.startsWith("-L") && a.length() > 2) {
                spec = a.substring(2);
            }
            if (spec != null) {
                Matcher m = Regex.pattern("^(?:[^:]*:)?\\d+:([^:]+|\\[[^\\]]+\\]):\\d+$").matcher(spec);
                if (m.matches()) {
                    Map<String, String> far = new HashMap<>();
                    far.put("host", m.group(1));
                    far.put("through", "ssh -L");
                    return far;
                }
            }
        }
        return null;
    }

    private static Map<String, String> cloudSql(List<String> w) {
        for (String a : w.subList(1, w.size())) {
            Matcher m = Regex.pattern("^([\\w.-]+):([\\w-]+):([\\w-]+)(?:\\?.*)?$").matcher(a);
            if (m.matches()) {
                Map<String, String> far = new HashMap<>();
                far.put("project", m.group(1));
                far.put("host", m.group(3));
                far.put("through", "cloud-sql-proxy");
                return far;
            }
        }
        return null;
    }

    private static Map<String, String> ssm(List<String> w) {
        if (!w.contains("start-session") || w.stream().noneMatch(a -> a.contains("PortForwarding"))) {
            return null;
        }
        Map<String, String> far = new HashMap<>();
        for (String a : w) {
            Matcher m = Regex.pattern("(?:^|[,{\\s\"])host[\"=:\\[\\s]+\"?([^,\"\\]\\s}]+)").matcher(a);
            if (m.find()) {
                far.put("host", m.group(1));
            }
        }
        int target = w.indexOf("--target");
        far.putIfAbsent("host", target > 0 && target + 1 < w.size() ? w.get(target + 1) : "an instance");
        far.put("through", "aws ssm port forwarding");
        return far;
    }
}
