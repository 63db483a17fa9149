package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ZooKeeper's shells: {@code zkCli.sh -server HOST:PORT CMD …}, Kafka's {@code zookeeper-shell HOST:PORT CMD …},
 * {@code zookeepercli --servers H -c CMD …}, Solr's {@code zkcli.sh -zkhost H -cmd CMD …} and {@code bin/solr zk CMD -z H}. The znodes are the
 * resource: {@code rmr}/{@code deleteall} (Solr's {@code clear}) delete a whole subtree, {@code delete} one node,
 * {@code set}/{@code create} write, ACLs are grants; {@code ls}, {@code get}, {@code stat}, {@code getAcl} read. Commands
 * given on standard input (a heredoc) are each judged. The server is the one named, loopback a local sandbox; zkCli.sh
 * given none connects to {@code localhost:2181}.
 */
final class ZooKeeperCli {

    static final Set<String> PROGRAMS = Set.of("zkCli.sh", "zkCli", "zkcli", "zkcli.sh", "zookeeper-shell",
            "zookeeper-shell.sh", "zookeepercli");

    private static final Action READ = Action.read("znode");
    private static final Action WRITE = new Action(Verb.UPDATE, "znode", Scope.ONE, true, false, "overwrites the znode's data");
    private static final Action SUBTREE = new Action(Verb.DELETE, "znode", Scope.MANY, true, false,
            "deletes the znode and everything below it");
    private static final Action ACL = Action.grant("acl", "changes who may read or change the znode");
    /** By command; Solr's zkcli words and zookeepercli's are listed beside zkCli's. */
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("ls", READ), Map.entry("ls2", READ), Map.entry("get", READ), Map.entry("stat", READ),
            Map.entry("getacl", READ), Map.entry("getallchildrennumber", READ), Map.entry("getephemerals", READ),
            Map.entry("listquota", READ), Map.entry("config", READ), Map.entry("whoami", READ), Map.entry("version", READ),
            Map.entry("sync", READ), Map.entry("printwatches", READ), Map.entry("history", READ), Map.entry("help", READ),
            Map.entry("connect", READ), Map.entry("close", READ), Map.entry("quit", READ), Map.entry("exists", READ),
            Map.entry("list", READ), Map.entry("lsr", READ), Map.entry("getfile", READ), Map.entry("downconfig", READ),
            Map.entry("children", READ),
            // Solr's bin/solr zk: cp and mv write the znodes they land on, mkroot makes a chroot
            Map.entry("cp", Action.update("znode", "copies files into or out of ZooKeeper")),
            Map.entry("mv", Action.update("znode", "moves a znode")),
            Map.entry("mkroot", Action.create("znode", "creates a znode and its parents")),
            Map.entry("create", Action.create("znode", "creates a znode")), Map.entry("makepath", Action.create("znode", "creates a znode")),
            Map.entry("creater", Action.create("znode", "creates a znode and its parents")),
            Map.entry("set", WRITE), Map.entry("put", WRITE), Map.entry("putfile", WRITE),
            Map.entry("upconfig", Action.update("znode", "uploads a configuration set")),
            Map.entry("linkconfig", Action.update("znode", "links a collection to a configuration set")),
            Map.entry("bootstrap", Action.update("znode", "uploads the configuration sets")),
            Map.entry("clusterprop", Action.update("znode", "sets a cluster property")),
            Map.entry("setquota", Action.update("quota", "sets a quota")), Map.entry("delquota", Action.update("quota", "removes a quota")),
            Map.entry("removewatches", Action.update("watch", "removes watches")),
            Map.entry("reconfig", Action.update("ensemble", "changes the ensemble's membership")),
            Map.entry("addauth", Action.update("session", "authenticates the session for the commands that follow")),
            Map.entry("delete", Action.delete("znode", "deletes the znode")),
            Map.entry("rm", Action.delete("znode", "deletes the znode")),
            Map.entry("rmr", SUBTREE), Map.entry("deleteall", SUBTREE), Map.entry("clear", SUBTREE),
            Map.entry("setacl", ACL), Map.entry("updateacls", ACL));

    private static final Set<String> VALUED = Set.of("-server", "-timeout", "-zkhost", "-z", "--servers", "-servers",
            "-cmd", "-client-configuration", "-path", "-confname", "-confdir", "-d", "-n", "-solrhome",
            "-runzk", "-clusteringname", "-val", "--auth_usr", "--auth_pwd", "--acls");

    private static final Set<String> ZOOKEEPERCLI_VALUED = union(VALUED, Set.of("-c", "--c"));

    private ZooKeeperCli() {
    }

    static List<Operation> recognize(Invocation inv) {
        // zookeepercli names its command with -c; in zkCli's own commands -c is a flag (create -c: a container node)
        boolean cli = inv.program().equals("zookeepercli");
        ParsedArgs p = inv.parse(cli ? ZOOKEEPERCLI_VALUED : VALUED);
        List<String> words = new ArrayList<>(p.words());
        String server = p.value("-server", "-zkhost", "-z", "--servers", "-servers").orElse("");
        if (server.isEmpty() && !words.isEmpty() && (inv.program().startsWith("zookeeper-shell")
                || Regex.matches(words.getFirst(), "[\\w.\\[\\]:-]+:\\d+(,[\\w.\\[\\]:-]+:\\d+)*(/[\\w/-]*)?"))) {
            server = words.removeFirst(); // Kafka's shell takes the server first, and so does a HOST:PORT word
        }
        if (server.isEmpty() && inv.program().startsWith("zkCli")) {
            server = "localhost:2181"; // zkCli.sh's own default
        }
        String host = DataServiceRecognizer.host(server);
        (cli ? p.value("-c", "--c", "-cmd") : p.value("-cmd")).ifPresent(words::addFirst);
        List<List<String>> commands = new ArrayList<>();
        if (!words.isEmpty()) {
            commands.add(words);
        } else if (inv.stdin().isPresent()) {
            for (String line : Regex.split(inv.stdin().get(), "\r?\n")) {
                List<String> lineWords = List.of(Regex.split(line.strip(), "\\s+"));
                if (!lineWords.getFirst().isEmpty() && !lineWords.getFirst().startsWith("#")) {
                    commands.add(lineWords);
                }
            }
        }
        if (commands.isEmpty()) {
            // an interactive shell on the ensemble: whatever is typed next is not in view
            return List.of(DataServiceRecognizer.located(Operation.builder("zookeeper", Verb.EXECUTE).resource("ensemble", server)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("opens an interactive ZooKeeper shell"), host, inv));
        }
        List<Operation> ops = new ArrayList<>();
        for (List<String> command : commands) {
            ops.add(DataServiceRecognizer.located(operation(inv, command), host, inv));
        }
        return ops;
    }

    private static final Set<String> SOLR_VALUED = union(VALUED, Set.of("--zk-host", "--conf-name", "--conf-dir",
            "-s", "--solr-url", "--solr-home", "-url"));

    /**
     * Solr's {@code bin/solr zk CMD … -z HOST:PORT}: ZooKeeper's commands with Solr's flags, on the ensemble {@code -z}
     * (else {@code ZK_HOST}) names. The rest of {@code bin/solr} is in no table.
     */
    static Optional<List<Operation>> solr(Invocation inv) {
        ParsedArgs p = inv.parse(SOLR_VALUED);
        List<String> words = p.words();
        if (words.size() < 2 || !words.getFirst().equals("zk")) {
            return Optional.empty();
        }
        String server = p.value("-z", "--zk-host", "-zkhost").or(() -> Optional.ofNullable(inv.env().get("ZK_HOST"))).orElse("");
        return Optional.of(List.of(DataServiceRecognizer.located(operation(inv, words.subList(1, words.size())),
                DataServiceRecognizer.host(server), inv)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Operation.Builder operation(Invocation inv, List<String> command) {
        String name = command.getFirst().toLowerCase(Locale.ROOT);
        Action action = COMMANDS.get(name);
        // flags of the command itself (ls -R, create -e, set -v 3, deleteall -b 100) come before the path
        String path = command.stream().skip(1).filter(w -> w.startsWith("/")).findFirst().orElse("");
        if (action == null) {
            return Operation.builder("zookeeper", Verb.UNKNOWN).resource("znode", path).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note("'" + command.getFirst() + "' is not a ZooKeeper shell command Interlock knows");
        }
        if (action == SUBTREE && (path.equals("/") || path.isEmpty())) {
            action = action.scope(Scope.ALL);
        }
        return action.on("zookeeper", path, inv, "zookeeper " + name);
    }
}
