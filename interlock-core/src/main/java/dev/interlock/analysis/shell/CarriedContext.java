package dev.interlock.analysis.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What earlier commands in the same line establish for later ones: {@code cd DIR}, and switching the target of a CLI
 * ({@code kubectl config use-context prod && kubectl delete ns x}, {@code gcloud config set project p}, {@code az account
 * set -s s}, {@code terraform workspace select w}, {@code rpk container start} or {@code rpk profile use p}), and
 * a named target's server ({@code fly -t ci login -c http://localhost:8080}: later {@code fly -t ci …} act there), and
 * the server a CLI signs in to ({@code kcadm.sh config credentials --server URL}, {@code argocd login HOST}: the CLI
 * keeps it and later calls go there), and the cluster a {@code telepresence connect --context} session joins, and the
 * database a {@code db2 connect to DB} session holds for the {@code db2} calls after it, and the daemon a
 * {@code docker context use NAME} (or {@code podman system connection default NAME}) points later calls at. Later operations of that system
 * (or program) get the locator unless they name their own.
 */
final class CarriedContext {

    private final Map<String, Map<String, String>> bySystem = new HashMap<>();
    /** What a program's own session keeps for its later calls, by program (Db2's back-end process keeps the connection). */
    private final Map<String, Map<String, String>> byProgram = new HashMap<>();

    /** Looks at a command that just ran (its literal words) for a directory change or a target switch. */
    private static final java.util.Set<String> PROGRAMS = java.util.Set.of("cd", "pushd", "kubectx", "kubens", "kubectl", "oc",
            "gcloud", "az", "terraform", "tofu", "git", "rpk", "fly", "kcadm.sh", "kcadm", "argocd", "telepresence", "db2",
            "docker", "podman");
    /** Servers of CLI targets logged in earlier in the line, by system and target name. */
    private final Map<String, String> targetHosts = new HashMap<>();
    /** Remotes added earlier in the line, by name: pushing to one sends the repository to that address. */
    private final Map<String, String> addedRemotes = new HashMap<>();

    /** Daemon variables this line's own context switches set (an ambient DOCKER_CONTEXT is not one of them). */
    private final Set<String> switchedDaemons = new java.util.HashSet<>();

    /** Tunnels opened earlier in the line: data stores on localhost after them are their far ends. */
    final Tunnels tunnels = new Tunnels();

    void observe(List<Arg> words, ShellWalk walk) {
        if (words.isEmpty()) {
            return;
        }
        if (words.stream().allMatch(Arg::literal)) {
            tunnels.observe(words.stream().map(Arg::value).toList());
        }
        String first = words.getFirst().value();
        if (!PROGRAMS.contains(first.substring(first.lastIndexOf('/') + 1)) || !words.stream().allMatch(Arg::literal)) {
            return;
        }
        List<String> w = words.stream().map(Arg::value).toList();
        String program = w.getFirst().substring(w.getFirst().lastIndexOf('/') + 1);
        switch (program) {
            case "cd", "pushd" -> {
                String target = w.size() > 1 && !w.get(1).equals("-") ? w.get(1) : "~";
                walk.workspace = walk.workspace.withDirectory(target);
            }
            case "kubectx" -> {
                if (w.size() == 2 && !w.get(1).startsWith("-")) {
                    carry("context", w.get(1), "kubernetes", "helm");
                }
            }
            case "kubens" -> {
                if (w.size() == 2 && !w.get(1).startsWith("-")) {
                    carry("namespace", w.get(1), "kubernetes", "helm");
                }
            }
            case "kubectl", "oc" -> {
                int i = w.indexOf("use-context");
                if (w.contains("config") && i > 0 && i + 1 < w.size()) {
                    carry("context", w.get(i + 1), "kubernetes", "helm");
                }
                if (program.equals("oc") && w.size() == 3 && w.get(1).equals("project")) {
                    carry("namespace", w.get(2), "kubernetes", "helm");
                }
                // kubectl ctx NAME / kubectl ns NAME: krew's kubectx and kubens spelled through kubectl switch the same way
                if (program.equals("kubectl") && w.size() == 3 && !w.get(2).startsWith("-") && !w.get(2).equals("-")) {
                    switch (w.get(1)) {
                        case "ctx" -> carry("context", w.get(2), "kubernetes", "helm");
                        case "ns" -> carry("namespace", w.get(2), "kubernetes", "helm");
                        default -> { }
                    }
                }
            }
            case "git" -> {
                int remote = w.indexOf("remote");
                if (remote > 0 && remote + 3 < w.size() && Set.of("add", "set-url").contains(w.get(remote + 1))) {
                    // git remote set-url origin URL re-points a configured name: a later push to it goes to URL
                    List<String> operands = new java.util.ArrayList<>();
                    for (int i = remote + 2; i < w.size(); i++) {
                        if (w.get(i).equals("-t") || w.get(i).equals("-m")) {
                            i++; // git remote add -t BRANCH / -m HEAD: the option's value
                        } else if (!w.get(i).startsWith("-")) {
                            operands.add(w.get(i));
                        }
                    }
                    if (operands.size() >= 2 && dev.interlock.analysis.shell.recognizers.vcs.GitPush.isUrl(operands.get(1))) {
                        addedRemotes.put(operands.get(0), operands.get(1));
                    }
                }
                int push = w.indexOf("push");
                if (push > 0) {
                    w.subList(push + 1, w.size()).stream().filter(addedRemotes::containsKey).findFirst().ifPresent(name ->
                            walk.add(dev.interlock.analysis.shell.recognizers.vcs.GitPush.toUrl(addedRemotes.get(name), words.getFirst().evidence())));
                }
            }
            case "docker", "podman" -> {
                // docker context use prod-swarm: later docker commands of the line talk to that context's daemon, as
                // DOCKER_CONTEXT would make them; a DOCKER_CONTEXT already set outranks the switch, so it is kept
                boolean docker = program.equals("docker");
                List<String> switchWords = docker ? List.of("context", "use") : List.of("system", "connection", "default");
                int at = java.util.Collections.indexOfSubList(w, switchWords);
                if (at > 0 && at + switchWords.size() == w.size() - 1 && !w.getLast().startsWith("-")) {
                    String variable = docker ? "DOCKER_CONTEXT" : "CONTAINER_CONNECTION";
                    if (!walk.env.containsKey(variable) || switchedDaemons.contains(variable)) {
                        walk.env.put(variable, w.getLast());
                        switchedDaemons.add(variable);
                    }
                }
            }
            case "telepresence" -> {
                // telepresence connect --context prod-eu-1: later intercepts and lists go through that session's cluster
                Optional<String> context = value(w, "--context");
                if (w.size() > 1 && w.get(1).equals("connect") && context.isPresent()) {
                    carry("context", context.get(), "kubernetes", "helm");
                }
            }
            case "gcloud" -> {
                if (w.size() >= 5 && w.get(1).equals("config") && w.get(2).equals("set") && w.get(3).equals("project")) {
                    carry("project", w.get(4), "gcp");
                }
            }
            case "az" -> {
                int s = Math.max(w.indexOf("--subscription"), w.indexOf("-s"));
                if (w.size() > 3 && w.get(1).equals("account") && w.get(2).equals("set") && s > 0 && s + 1 < w.size()) {
                    carry("subscription", w.get(s + 1), "azure");
                }
            }
            case "rpk" -> {
                // rpk container start makes a profile for the cluster it starts here and selects it; profile use selects one
                if (w.size() >= 3 && w.get(1).equals("container") && w.get(2).equals("start")) {
                    carry("host", "127.0.0.1", "kafka");
                } else if (w.size() == 4 && w.get(1).equals("profile") && w.get(2).equals("use")) {
                    if (w.get(3).equals("container")) {
                        carry("host", "127.0.0.1", "kafka");
                    } else {
                        carry("context", w.get(3), "kafka");
                    }
                }
            }
            case "fly" -> {
                // Concourse's login names the target's server; Fly.io's fly has no -t
                Optional<String> target = value(w, "-t", "--target");
                Optional<String> url = value(w, "-c", "--concourse-url");
                if (w.contains("login") && target.isPresent() && url.isPresent()) {
                    String host = dev.interlock.environment.Hosts.of(url.get());
                    if (!host.isEmpty()) {
                        targetHosts.put("concourse\u0000" + target.get(), host);
                    }
                }
            }
            case "kcadm.sh", "kcadm" -> {
                Optional<String> server = value(w, "--server");
                if (w.size() > 2 && w.get(1).equals("config") && w.get(2).equals("credentials") && server.isPresent()) {
                    carryHost(server.get(), "keycloak");
                }
            }
            case "argocd" -> {
                // argocd login SERVER: the first word after login that is not a flag's value
                int login = w.indexOf("login");
                if (login == 1 && w.size() > 2 && !w.get(2).startsWith("-")) {
                    carryHost(w.get(2), "argocd");
                }
            }
            case "db2" -> {
                // db2 connect to TESTDB: the CLP's back-end process keeps the connection for the db2 calls after it
                String[] command = String.join(" ", w.subList(1, w.size())).trim().split("\\s+");
                if (command.length >= 3 && command[0].equalsIgnoreCase("connect") && command[1].equalsIgnoreCase("to")) {
                    byProgram.computeIfAbsent("db2", k -> new HashMap<>()).put("database", command[2]);
                } else if (command.length >= 1 && (command[0].equalsIgnoreCase("terminate")
                        || command.length >= 2 && command[0].equalsIgnoreCase("connect") && command[1].equalsIgnoreCase("reset"))) {
                    byProgram.remove("db2");
                }
            }
            case "terraform", "tofu" -> {
                int ws = w.indexOf("workspace");
                if (ws > 0 && ws + 2 < w.size() && (w.get(ws + 1).equals("select") || w.get(ws + 1).equals("new"))) {
                    carry("workspace", w.getLast(), "terraform");
                }
            }
            default -> { }
        }
    }

    private void carryHost(String address, String system) {
        String host = dev.interlock.environment.Hosts.of(address);
        if (!host.isEmpty()) {
            carry("host", host, system);
        }
    }

    private void carry(String locator, String value, String... systems) {
        for (String system : systems) {
            bySystem.computeIfAbsent(system, s -> new HashMap<>()).put(locator, value);
        }
    }

    /** What the line established for this operation's system (or its program's session), and the server of the target it names. */
    Map<String, String> locators(dev.interlock.model.Operation op, String program) {
        Map<String, String> carried = bySystem.getOrDefault(op.system(), Map.of());
        Map<String, String> session = byProgram.getOrDefault(program, Map.of());
        if (!session.isEmpty()) {
            carried = new HashMap<>(carried);
            carried.putAll(session);
        }
        String target = op.resource().locator("target");
        String host = target.isEmpty() ? null : targetHosts.get(op.system() + '\u0000' + target);
        if (host == null) {
            return carried;
        }
        Map<String, String> withHost = new HashMap<>(carried);
        withHost.put("host", host);
        return withHost;
    }

    /** {@code -t ci}, {@code --target ci}, {@code --target=ci}: the value of the first of these flags. */
    private static Optional<String> value(List<String> w, String... flags) {
        for (int i = 1; i < w.size(); i++) {
            for (String f : flags) {
                if (w.get(i).equals(f) && i + 1 < w.size()) {
                    return Optional.of(w.get(i + 1));
                }
                if (w.get(i).startsWith(f + "=") && f.startsWith("--")) {
                    return Optional.of(w.get(i).substring(f.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
