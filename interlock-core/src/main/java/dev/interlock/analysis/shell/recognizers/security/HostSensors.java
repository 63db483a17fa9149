package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A machine's own security sensors and their consoles: Wazuh's agent tools, Zeek's zeekctl, Suricata and its socket
 * client, ClamAV's scanners, CrowdSec's cscli, fail2ban-client and AIDE. They act on the machine they run on, so an
 * operation stands where the command runs: the ssh host ({@code ssh ids-prod-01 'suricatasc -c uptime'} is a prod
 * read), or this machine. Looking at a sensor is routine everywhere; what changes it is judged by the tier, and
 * stopping one is also marked as a control switched off ({@code controls.HostSwitches}).
 */
final class HostSensors {

    /** The word-driven consoles: their system and table. */
    private static final Map<String, Map.Entry<String, CommandTable>> WORDED = Map.of(
            "zeekctl", Map.entry("zeek", SensorCommands.ZEEKCTL),
            "broctl", Map.entry("zeek", SensorCommands.ZEEKCTL),
            "wazuh-control", Map.entry("wazuh", SensorCommands.WAZUH_CONTROL),
            "ossec-control", Map.entry("wazuh", SensorCommands.WAZUH_CONTROL),
            "cscli", Map.entry("crowdsec", SensorCommands.CSCLI),
            "fail2ban-client", Map.entry("fail2ban", SensorCommands.FAIL2BAN),
            "suricata-update", Map.entry("suricata", SensorCommands.SURICATA_UPDATE));

    static final Set<String> PROGRAMS = programs();

    /** Options that take a value, so that it is not read as the command. */
    private static final Set<String> VALUED = Set.of("-c", "--config", "-o", "--output", "-s", "-p", "--loglevel",
            "--logtarget", "--syslogsocket", "--timeout", "--color", "--error", "-D", "--data-dir", "--suricata",
            "--suricata-conf", "--url", "--local", "--output-dir");

    private HostSensors() {
    }

    private static Set<String> programs() {
        Set<String> all = new HashSet<>(WORDED.keySet());
        all.addAll(SensorCommands.FLAGGED.keySet());
        all.add("suricatasc");
        return Set.copyOf(all);
    }

    static List<Operation> recognize(Invocation inv) {
        String program = inv.program();
        SensorCommands.Flagged flagged = SensorCommands.FLAGGED.get(program);
        if (flagged != null) {
            Act act = flagged.act(inv.words());
            return List.of(placed(inv, act, flagged.system(), target(inv, act), program));
        }
        if (program.equals("suricatasc")) {
            return List.of(suricatasc(inv));
        }
        var worded = WORDED.get(program);
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(placed(inv, bare(program, p), worded.getKey(), "", program));
        }
        CommandTable.Found found = worded.getValue().findOrGuess(words, program.equals("cscli") ? 2 : 1, "sensor");
        return List.of(placed(inv, found.act(), worded.getKey(), found.name(words), program + " " + found.command()));
    }

    /**
     * A console run with flags only: suricata-update then updates the rules, fail2ban-client -i and zeekctl open a
     * prompt where anything can be typed; the rest ({@code fail2ban-client -t}, {@code cscli --help}) only look.
     */
    private static Act bare(String program, ParsedArgs p) {
        boolean looks = p.has("-h", "--help", "-V", "--version", "-t", "--test", "-d", "--dp", "--dump-pretty");
        if (program.equals("suricata-update") && !looks) {
            return SensorCommands.SURICATA_UPDATE.findOrGuess(List.of("update"), 1, "rules").act();
        }
        boolean prompt = program.equals("fail2ban-client") ? p.has("-i") : Set.of("zeekctl", "broctl").contains(program);
        return prompt && !looks ? CommandTable.update("sensor").note("opens the console's prompt, where any command can be typed")
                : CommandTable.read("sensor");
    }

    /** {@code suricatasc -c 'iface-stat eth0'}: the command is the first word of the value; without one, the prompt. */
    private static Operation suricatasc(Invocation inv) {
        Optional<String> command = inv.parse(Set.of("-c", "--command")).value("-c", "--command")
                .map(c -> c.trim().split("\\s+")[0]);
        Act act = command.map(c -> SensorCommands.SURICATASC.findOrGuess(List.of(c), 1, "sensor").act())
                .orElse(CommandTable.update("sensor").note("opens the engine's socket prompt, where any command can be typed"));
        return placed(inv, act, "suricata", "", "suricatasc " + command.orElse(""));
    }

    /** What a flag-driven tool acts on: the paths a scanner is given, else nothing named. */
    private static String target(Invocation inv, Act act) {
        if (!act.type().equals("files")) {
            return "";
        }
        return String.join(" ", inv.words().stream().filter(w -> !w.startsWith("-")).toList());
    }

    /** The operation where the command runs: the ssh host when there is one, else this machine. */
    private static Operation placed(Invocation inv, Act act, String system, String name, String command) {
        Operation.Builder b = act.operation(inv, system, name);
        if (act.note().isEmpty()) {
            b.note(command.trim());
        }
        return LocalFiles.local(inv, b, "the sensor this runs on is this machine").build();
    }
}
