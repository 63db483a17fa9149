package dev.interlock.analysis.shell.recognizers.security;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host sensors' commands, one table per console: the tools that name a command by words ({@code zeekctl status},
 * {@code cscli decisions list}, {@code fail2ban-client set sshd banip}, {@code suricatasc -c iface-stat}) and those
 * that name it by a flag ({@code agent_control -l}, {@code clamscan --remove}, {@code suricata -T}, {@code aide --init}).
 * Status, listings, metrics and configuration tests only look; rule, signature and ban changes, deploys and restarts
 * change the sensor; a scan that removes what it finds deletes files; an agent's key printed is a credential.
 */
final class SensorCommands {

    private SensorCommands() {
    }

    private static final Act BAN = update("ban").note("bans or unbans an address: traffic from it is dropped or let in again");

    /** zeekctl (and its old name broctl): the Zeek cluster of the sensor it runs on. */
    static final CommandTable ZEEKCTL = CommandTable.builder()
            .add("", "status netstats diag check top peerstatus print config nodes df capstats scripts help exit quit"
                    + " --version --help", read("sensor"))
            .add("", "deploy install start restart update stop cron set",
                    update("sensor").note("changes what the Zeek sensor runs: scripts installed, processes started or stopped"))
            .add("", "cleanup", delete("sensor-state").note("deletes the nodes' working directories (with --all their state too)"))
            .add("", "exec", execute("sensor").all().note("runs a shell command on every Zeek node"))
            .add("", "process", local("pcap").note("runs Zeek over a capture file here"))
            .build();

    /** wazuh-control and ossec-control: the Wazuh daemons of this machine. */
    static final CommandTable WAZUH_CONTROL = CommandTable.builder()
            .add("", "status info help", read("sensor"))
            .add("", "start restart reload enable disable stop", update("sensor").note("starts, stops or reconfigures the Wazuh daemons"))
            .build();

    /** cscli: CrowdSec's engine and its local API on this machine. */
    static final CommandTable CSCLI = CommandTable.builder()
            .add("", "metrics version help explain doc completion", read("sensor"))
            .add("metrics", "list show", read("sensor"))
            .add("alerts", "list inspect", read("alert"))
            .add("alerts", "delete flush", delete("alert").many().note("deletes recorded alerts"))
            .add("decisions", "list", read("decision"))
            .add("decisions", "add import", BAN)
            .add("decisions", "delete", BAN)
            .add("hub", "list", read("hub"))
            .add("hub", "update upgrade", update("hub").note("updates the detection scenarios and parsers CrowdSec runs"))
            .add("collections", "list inspect", read("hub"))
            .add("parsers", "list inspect", read("hub"))
            .add("scenarios", "list inspect", read("hub"))
            .add("postoverflows", "list inspect", read("hub"))
            .add("contexts", "list inspect", read("hub"))
            .add("appsec-configs", "list inspect", read("hub"))
            .add("appsec-rules", "list inspect", read("hub"))
            .add("collections", "install remove upgrade", update("hub").note("changes which detections CrowdSec runs"))
            .add("parsers", "install remove upgrade", update("hub").note("changes which detections CrowdSec runs"))
            .add("scenarios", "install remove upgrade", update("hub").note("changes which detections CrowdSec runs"))
            .add("postoverflows", "install remove upgrade", update("hub").note("changes which detections CrowdSec runs"))
            .add("bouncers", "list inspect", read("bouncer"))
            .add("bouncers", "add", credential("bouncer").note("registers a bouncer and prints its API key"))
            .add("bouncers", "delete prune", delete("bouncer").note("removes a bouncer: it stops getting decisions"))
            .add("machines", "list inspect", read("machine"))
            .add("machines", "add", credential("machine").note("registers a machine and writes or prints its password"))
            .add("machines", "delete prune", delete("machine"))
            .add("machines", "validate", update("machine"))
            .add("config", "show show-yaml paths", read("sensor"))
            .add("config", "backup restore feature-flags", update("sensor"))
            .add("lapi", "status context", read("sensor"))
            .add("lapi", "register", update("sensor").note("registers with a local API and writes its credentials"))
            .add("capi", "status", read("sensor"))
            .add("capi", "register", update("sensor").note("registers with the central API and writes its credentials"))
            .add("console", "status", read("sensor"))
            .add("console", "enroll enable disable", update("sensor"))
            .add("simulation", "status", read("sensor"))
            .add("simulation", "enable disable", update("sensor").note("switches whether CrowdSec's decisions are enforced"))
            .add("notifications", "list inspect", read("sensor"))
            .add("notifications", "test reinject", execute("sensor"))
            .add("support", "dump", credential("sensor").note("the support dump holds the configuration and its credentials"))
            .build();

    /** fail2ban-client: the jails of this machine. Flags alone ({@code -t}, {@code -d}, {@code -V}) only look. */
    static final CommandTable FAIL2BAN = CommandTable.builder()
            .add("", "status ping version get banned echo help --help", read("jail"))
            .add("", "start restart reload stop add", update("jail").note("starts, stops or reloads the jails that ban attackers"))
            .add("", "set", update("jail").note("changes a jail: bans or unbans an address, or its settings"))
            .add("", "unban", BAN)
            .add("", "flushlogs", update("jail"))
            .build();

    /** suricata-update: with no command it fetches, builds and installs the rule set (and reloads the engine). */
    static final CommandTable SURICATA_UPDATE = CommandTable.builder()
            .add("", "list-sources list-enabled-sources check-versions help", read("rules"))
            .add("", "update update-sources enable-source disable-source remove-source add-source",
                    update("rules").note("changes the IDS rules the sensor enforces"))
            .build();

    /** suricatasc's commands (as {@code -c CMD} or typed at its prompt): the running engine behind the socket. */
    static final CommandTable SURICATASC = CommandTable.builder()
            .add("", "uptime version running-mode capture-mode iface-list iface-stat iface-bypassed-stat dump-counters"
                    + " memcap-show memcap-list ruleset-stats ruleset-failed-rules ruleset-reload-time pcap-file-list"
                    + " pcap-file-number pcap-current pcap-last-processed pcap-interrupt list-hostbit dataset-lookup"
                    + " get-flow-stats-by-id help quit", read("sensor"))
            .add("", "reload-rules ruleset-reload-rules ruleset-reload-nonblocking reopen-log-files memcap-set"
                    + " register-tenant unregister-tenant register-tenant-handler unregister-tenant-handler reload-tenant"
                    + " reload-tenants add-hostbit remove-hostbit dataset-add dataset-remove dataset-clear pcap-file"
                    + " pcap-file-continuous iprep-add iprep-remove", update("sensor").note("changes the running IDS engine"))
            .add("", "shutdown", update("sensor").note("shuts the IDS engine down"))
            .build();

    /** A tool that names its action by a flag: the first of its flags given decides, else its base act. */
    record Flagged(String system, Act base, Map<String, Act> flags) {

        /** The act of the first listed flag among {@code words} ({@code --remove=yes} as {@code --remove}; {@code =no} is not given). */
        Act act(List<String> words) {
            for (String w : words) {
                if (w.equals("--")) {
                    break;
                }
                int eq = w.indexOf('=');
                if (eq > 0 && w.substring(eq + 1).matches("(?i)no|false|0")) {
                    continue;
                }
                Act act = flags.get(eq > 0 ? w.substring(0, eq) : w);
                if (act != null) {
                    return act;
                }
            }
            return base;
        }
    }

    private static Map<String, Act> each(Act act, String flags) {
        Map<String, Act> map = new HashMap<>();
        for (String f : flags.split(" ")) {
            map.put(f, act);
        }
        return map;
    }

    private static Map<String, Act> union(List<Map<String, Act>> maps) {
        Map<String, Act> all = new HashMap<>();
        maps.forEach(all::putAll);
        return Map.copyOf(all);
    }

    private static final Act SCAN = read("files").note("scans files and reports what it finds: it changes nothing");
    private static final Map<String, Act> CLAM_ACTIONS = union(List.of(
            each(delete("files").many().losesData().note("deletes every file it finds infected"), "--remove"),
            each(update("files").many().note("moves or copies infected files into quarantine"), "--move --copy")));
    private static final Act AGENT_CHANGE = update("agent").note("restarts agents, runs their scans or fires an active response (a block)");

    static final Map<String, Flagged> FLAGGED = Map.ofEntries(
            Map.entry("agent_control", new Flagged("wazuh", read("agent"), each(AGENT_CHANGE, "-R -r -b -f"))),
            Map.entry("manage_agents", new Flagged("wazuh", update("agent").note("adds, removes or imports agents and their keys"),
                    union(List.of(each(read("agent"), "-l -V -h"),
                            each(credential("agent-key").note("prints an agent's key: whoever holds it reports as that agent"), "-e"),
                            each(delete("agent").note("removes an agent and its key"), "-r"),
                            each(update("agent").note("adds or imports an agent and its key"), "-a -i -f"))))),
            Map.entry("clamscan", new Flagged("clamav", SCAN, CLAM_ACTIONS)),
            Map.entry("clamdscan", new Flagged("clamav", SCAN, union(List.of(CLAM_ACTIONS,
                    each(update("sensor").note("reloads the scanner's signatures"), "--reload"))))),
            Map.entry("clamdtop", new Flagged("clamav", read("sensor"), Map.of())),
            Map.entry("clamconf", new Flagged("clamav", read("sensor"), Map.of())),
            Map.entry("sigtool", new Flagged("clamav", read("signatures"), Map.of())),
            Map.entry("freshclam", new Flagged("clamav", update("signatures").note("downloads and installs new virus signatures"),
                    each(read("signatures"), "-V --version -h --help --list-mirrors"))),
            Map.entry("suricata", new Flagged("suricata", update("sensor").note("runs the IDS engine on live traffic"),
                    union(List.of(each(read("sensor"), "-T --build-info -V -h --help --dump-config --list-keywords"
                                    + " --list-app-layer-protos --list-runmodes --list-unittests --engine-analysis"),
                            each(local("pcap").note("runs the IDS engine over a capture file here"), "-r --pcap-file-continuous"))))),
            Map.entry("aide", new Flagged("aide", read("file-integrity").note("checks files against the integrity database"),
                    each(update("integrity-database").note("writes a new integrity baseline: changes made so far are no longer reported"),
                            "-i --init -u --update"))));
}
