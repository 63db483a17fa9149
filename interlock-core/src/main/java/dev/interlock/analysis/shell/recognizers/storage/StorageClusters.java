package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin CLIs of Ceph ({@code ceph}, {@code rados}, {@code rbd}) and GlusterFS ({@code gluster}), which name a command
 * as nouns then a verb ({@code ceph osd pool delete}, {@code rbd snap ls}, {@code gluster volume heal gv0 info}). The verb
 * decides, from the tool's own table: health checks ({@code ceph osd safe-to-destroy}, {@code ok-to-stop}) and listings
 * only look although they name what they would affect; keyrings and config-key values are secrets; a change's progress
 * ({@code gluster volume rebalance gv0 status}) is a read. A verb the table does not list is judged by its word.
 */
public final class StorageClusters implements Recognizer {

    /** One tool's vocabulary: the nouns a command path passes through, its reading and deleting verbs. */
    private record Tool(String system, String type, Set<String> valued, Set<String> nouns, Set<String> reads,
                        Set<String> deletes, Set<String> readFlags) {
    }

    private static final Set<String> CONNECTION = Set.of("-c", "--conf", "-k", "--keyring", "-n", "--name", "--id", "--user",
            "-m", "--mon-host", "--cluster", "--format", "-f", "-o", "--out-file", "-i", "--in-file", "--connect-timeout");
    /** Reading verbs shared by the Ceph tools. */
    private static final Set<String> CEPH_READS = Set.of("ls", "list", "dump", "stat", "stats", "status", "get", "show", "info",
            "tree", "df", "du", "query", "map", "metadata", "versions", "version", "safe-to-destroy", "ok-to-stop", "ok-to-rm",
            "ok-to-add-offline", "ok-to-upgrade", "blocked-by", "utilization", "find", "getmap", "getcrushmap", "autoscale-status",
            "detail", "eval", "last", "exists", "perf", "count-metadata", "ls-by-pool", "ls-by-osd", "ls-by-primary",
            "ls-by-host", "ls-by-daemon", "ls-new", "dump_stuck", "dump_json", "health", "report", "quorum_status",
            "mon_status", "fsid", "time-sync-status", "features", "services", "show-with-defaults", "generate-minimal-conf",
            "ps", "getpath", "diff", "watch", "iostat", "iotop", "help", "check", "inspect", "children", "showmapped",
            "export", "export-diff", "lspools", "stat2", "listxattr", "getxattr", "listomapkeys", "listomapvals",
            "getomapval", "getomapheader", "listwatchers", "listsnaps", "lssnap", "list-inconsistent-pg",
            "list-inconsistent-obj", "list-inconsistent-snapset", "pool-stats");
    private static final Set<String> CEPH_DELETES = Set.of("rm", "remove", "del", "delete", "purge", "destroy", "zap", "prune",
            "rmpool", "cleanup", "rmxattr", "rmomapkey", "rmomapkeyrange", "clearomap", "rmsnap", "truncate", "rm-cluster");
    private static final Set<String> CEPH_STATUS_FLAGS = Set.of("-s", "--status", "-w", "--watch", "--watch-debug",
            "-v", "--version", "-h", "--help");

    private static final Map<String, Tool> TOOLS = Map.of(
            "ceph", new Tool("ceph", "cluster", CONNECTION,
                    Set.of("osd", "pool", "crush", "rule", "class", "pg", "mon", "mgr", "mds", "fs", "volume", "subvolume",
                            "subvolumegroup", "snapshot", "snap", "orch", "host", "device", "config", "config-key", "auth",
                            "crash", "balancer", "telemetry", "progress", "dashboard", "nfs", "cluster", "upgrade", "blocklist",
                            "blacklist", "erasure-code-profile", "tier", "module", "log", "daemon", "mirror", "peer", "rgw",
                            "zone", "realm", "zonegroup", "quota", "schedule", "service", "alerts", "diskprediction_local"),
                    CEPH_READS, CEPH_DELETES, CEPH_STATUS_FLAGS),
            "rados", new Tool("ceph", "pool", union(CONNECTION, Set.of("-p", "--pool", "-N", "--namespace", "--target-pool",
                    "-b", "--object-size", "--max-objects", "--run-name", "-t", "--concurrent-ios", "-s", "--snap",
                    "--snapid")), Set.of(), CEPH_READS, CEPH_DELETES, CEPH_STATUS_FLAGS),
            "rbd", new Tool("ceph", "image", union(CONNECTION, Set.of("-p", "--pool", "--namespace", "--image", "--snap",
                    "--dest", "--dest-pool", "--dest-namespace", "-s", "--size", "--image-format", "--object-size", "--order",
                    "--image-feature", "--data-pool", "--path", "--stripe-unit", "--stripe-count", "--io-type", "--io-size",
                    "--io-threads", "--io-total", "--io-pattern", "--from-snap", "--image-id", "--expires-at", "--group",
                    "--group-pool", "-t", "--device-type")),
                    Set.of("snap", "trash", "lock", "journal", "mirror", "pool", "image", "perf", "image-meta", "config",
                            "device", "group", "namespace", "migration", "feature", "object-map", "global", "peer",
                            "schedule", "snapshot", "bootstrap"),
                    CEPH_READS, CEPH_DELETES, CEPH_STATUS_FLAGS),
            "gluster", new Tool("gluster", "volume", Set.of("--mode", "--remote-host", "--log-file", "--glusterd-sock",
                    "--log-level", "--timeout"),
                    Set.of("volume", "peer", "pool", "snapshot", "system::", "nfs-ganesha", "global"),
                    Set.of("info", "status", "list", "get", "top", "help", "getwd", "uuid", "statistics", "--version",
                            "--xml"),
                    Set.of("delete", "remove-brick", "clear-locks", "reset-brick"), Set.of("--version", "-V", "--help")));

    /** Commands that name a change but, with one of these words after it, show its progress ({@code heal gv0 info}). */
    private static final Set<String> PROGRESS = Set.of("heal", "rebalance", "remove-brick", "replace-brick", "geo-replication",
            "quota", "bitrot", "tier", "profile", "scrub", "upgrade", "migration", "mirror");
    private static final Set<String> PROGRESS_READS = Set.of("status", "info", "list", "ls", "statistics", "split-brain",
            "summary", "heal-count");
    /** Keyrings, key values and RGW credentials these tools print (or mint and print). */
    private static final Set<String> SECRETS = Set.of("auth get", "auth get-key", "auth print-key", "auth print_key",
            "auth export", "auth ls", "auth list", "auth get-or-create", "auth get-or-create-key", "config-key get",
            "config-key dump", "dashboard ac-user-show", "dashboard get-rgw-api-secret-key", "dashboard get-rgw-api-access-key");
    private static final Set<String> GRANTS = Set.of("auth add", "auth caps", "auth import");
    /** Targets of {@code ceph tell osd.3 …} and {@code ceph daemon osd.3 …}: the rest of the line is the command. */
    private static final Set<String> HOPS = Set.of("tell", "daemon");

    @Override
    public Set<String> programs() {
        return TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Tool tool = TOOLS.get(inv.program());
        ParsedArgs p = inv.parse(tool.valued());
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        String type = tool.type();
        String group = "";
        for (int i = 0; i < words.size() && i < 5; i++) {
            String w = words.get(i);
            if (i == 0 && HOPS.contains(w) && tool.system().equals("ceph")) {
                i++; // the daemon it names; the words after it are an ordinary command
                group = "";
                type = "daemon";
                continue;
            }
            if (tool.nouns().contains(w)) {
                group = w;
                type = w;
                continue;
            }
            String name = i + 1 < words.size() ? p.words().get(i + 1) : "";
            return List.of(act(tool, group, w, words.subList(i + 1, words.size()), type).placed(inv, tool.system(), name,
                    locators(inv, p), Tier.UNKNOWN, ""));
        }
        boolean looks = words.isEmpty() || inv.words().stream().anyMatch(tool.readFlags()::contains);
        return List.of((looks ? CommandTable.read(type) : CommandTable.update(type)).placed(inv, tool.system(), "",
                locators(inv, p), Tier.UNKNOWN, ""));
    }

    private static CommandTable.Act act(Tool tool, String group, String verb, List<String> rest, String type) {
        String command = group + " " + verb;
        if (SECRETS.contains(command)) {
            return CommandTable.credential("keyring").note(command + " prints a secret key");
        }
        if (GRANTS.contains(command)) {
            return CommandTable.grant("keyring").note(command + " changes what a client key may do");
        }
        if (tool.reads().contains(verb) || PROGRESS.contains(verb) && rest.stream().anyMatch(PROGRESS_READS::contains)) {
            return CommandTable.read(type);
        }
        if (tool.deletes().contains(verb)) {
            return CommandTable.delete(type).note("'" + verb + "' removes " + type + " data from the storage cluster");
        }
        return CommandTable.guess(verb, type);
    }

    /** {@code --cluster NAME} names the cluster, {@code -m HOST} and gluster's {@code --remote-host} its address. */
    private static Map<String, String> locators(Invocation inv, ParsedArgs p) {
        return Map.of("cluster", p.value("--cluster").orElse(""),
                "host", p.value("-m", "--mon-host", "--remote-host").map(h -> Hosts.of(Regex.before(h, ","))).orElse(""));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
