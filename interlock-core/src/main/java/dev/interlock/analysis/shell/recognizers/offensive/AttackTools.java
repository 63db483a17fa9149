package dev.interlock.analysis.shell.recognizers.offensive;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Active scanners and attack tools ({@code nmap -A}, {@code masscan}, {@code nuclei}, {@code sqlmap}, {@code hydra},
 * {@code nikto}, {@code ffuf}, ZAP's full scan, …) fire probes, payloads or password guesses at a target: against this
 * machine ({@code localhost}, {@code host.docker.internal}) that is a developer testing their own app; against anyone
 * else's host — production per the inventory, a partner, a domain found by enumeration — it is an attack that only a
 * human may authorise. The operation is an {@code execute} on the target host, so environment resolution decides; a
 * target that cannot be seen (a list file, hosts piped in) stays unknown. Help, version and template updates are reads.
 */
public final class AttackTools implements Recognizer {

    /**
     * One tool's command line.
     *
     * @param does       what it does to a target, for the note
     * @param target     flags whose value is a target (URL, host, CIDR)
     * @param positional which positional is the first target (-1: none; targets run to the end from there)
     * @param hidden     flags that take targets from a file or a request the command line does not show
     * @param piped      whether targets may arrive on standard input when none is named
     * @param valued     other flags taking a value (so their values are not taken for targets)
     */
    private record Tool(String does, Set<String> target, int positional, Set<String> hidden, boolean piped, Set<String> valued) {
    }

    private static final Set<String> NONE = Set.of();
    private static final Tool NMAP = new Tool("scans", NONE, 0, Set.of("-iL", "-iR"), false, Set.of("-p", "-oA", "-oN", "-oX",
            "-oG", "-oS", "-oM", "--script", "--script-args", "--script-args-file", "--exclude", "--excludefile",
            "--source-port", "--max-rate", "--min-rate", "--top-ports", "--data-length", "--ttl", "--host-timeout",
            "--max-retries", "--proxies", "--dns-servers", "--resume", "--datadir", "--stylesheet", "-sI", "--port-ratio",
            "--scan-delay", "--max-scan-delay", "--min-hostgroup", "--max-hostgroup", "--min-parallelism",
            "--max-parallelism", "--min-rtt-timeout", "--max-rtt-timeout", "--initial-rtt-timeout", "--spoof-mac", "--data",
            "--data-string", "--version-intensity", "--exclude-ports", "--script-timeout"));
    private static final Tool ZAP = new Tool("runs an active attack scan against", Set.of("-t"), -1, NONE, false,
            Set.of("-r", "-w", "-x", "-J", "-c", "-u", "-g", "-z", "-f", "-P", "-D", "-T", "-l", "-n", "-p", "-U", "-m", "-O"));
    private static final Tool DIR_BRUTE = new Tool("brute-forces paths on", Set.of("-u", "--url"), -1, Set.of("-l", "--urls-file"),
            true, Set.of("-w", "--wordlist", "-x", "--extensions", "-e", "-t", "--threads", "-o", "--output", "-H", "--headers",
            "-d", "--depth", "-s", "-b", "-C", "-L", "--rate-limit", "--proxy", "-a", "-m", "--format", "--exclude-status"));

    private static final Map<String, Tool> TOOLS = Map.ofEntries(
            Map.entry("nmap", NMAP),
            Map.entry("masscan", new Tool("sweeps every port of", Set.of("--range"), 0, Set.of("-iL", "--includefile"), false,
                    Set.of("-p", "--ports", "--rate", "--max-rate", "-oL", "-oX", "-oG", "-oJ", "-oB", "-c", "--conf",
                            "--excludefile", "--exclude", "--adapter", "-e", "--adapter-ip", "--adapter-port", "--adapter-mac",
                            "--router-mac", "--source-ip", "--source-port", "--wait", "--retries", "--ttl", "--shard", "--seed"))),
            Map.entry("zmap", new Tool("sweeps", NONE, 0, Set.of("-w", "--allowlist-file", "-I", "--list-of-ips-file"), false,
                    Set.of("-p", "--target-port", "-o", "--output-file", "-r", "--rate", "-B", "--bandwidth", "-i", "--interface",
                            "-n", "--max-targets", "-b", "--blocklist-file"))),
            Map.entry("rustscan", new Tool("scans", Set.of("-a", "--addresses"), -1, NONE, false, Set.of("-p", "--ports", "-r",
                    "--range", "-b", "--batch-size", "-t", "--timeout", "-u", "--ulimit", "--scan-order", "--tries"))),
            Map.entry("naabu", new Tool("scans", Set.of("-host", "-u"), -1, Set.of("-list", "-l"), true, Set.of("-p", "-port",
                    "-top-ports", "-tp", "-o", "-output", "-rate", "-c", "-exclude-ports", "-ep", "-nmap-cli"))),
            Map.entry("nuclei", new Tool("fires vulnerability and exploit templates at", Set.of("-u", "-target"), -1,
                    Set.of("-l", "-list", "-im", "-input-mode"), true, Set.of("-t", "-templates", "-w", "-workflows", "-tags",
                            "-etags", "-exclude-tags", "-itags", "-severity", "-s", "-es", "-o", "-output", "-rl", "-rate-limit",
                            "-c", "-bs", "-H", "-header", "-var", "-config", "-r", "-resolvers", "-me", "-je", "-id", "-eid",
                            "-author", "-a", "-pt", "-type", "-tc", "-proxy", "-p", "-timeout", "-retries", "-stats-interval"))),
            Map.entry("sqlmap", new Tool("injects SQL into", Set.of("-u", "--url", "-d"), -1, Set.of("-r", "-m", "-l", "-g",
                    "-c"), false, Set.of("-p", "--data", "--cookie", "-D", "-T", "-C", "--level", "--risk", "--technique",
                    "--dbms", "--os", "--tamper", "--threads", "-H", "--headers", "--user-agent", "-A", "--proxy", "--method",
                    "--param-del", "--prefix", "--suffix", "--time-sec", "--union-cols", "--sql-query", "--os-cmd", "--file-read",
                    "--file-write", "--file-dest", "--output-dir", "-s", "-t", "--answers", "--csrf-token", "--auth-type",
                    "--auth-cred", "--string", "--not-string", "--regexp", "--code", "--where", "--start", "--stop", "-X", "-U",
                    "--search", "--crawl", "--dump-format", "--referer", "--host", "--delay", "--timeout", "--retries"))),
            Map.entry("commix", new Tool("injects shell commands into", Set.of("-u", "--url"), -1, Set.of("-r", "-m", "-l"), false,
                    Set.of("--data", "--cookie", "-H", "--headers", "--technique", "--os-cmd", "--level", "-p", "--proxy",
                            "--user-agent", "--referer", "--tamper", "--output-dir"))),
            Map.entry("hydra", new Tool("tries passwords against", NONE, 0, Set.of("-M"), false, Set.of("-l", "-L", "-p", "-P",
                    "-C", "-e", "-s", "-o", "-t", "-T", "-w", "-W", "-m", "-x", "-b", "-c"))),
            Map.entry("medusa", new Tool("tries passwords against", Set.of("-h"), -1, Set.of("-H"), false, Set.of("-u", "-U",
                    "-p", "-P", "-C", "-O", "-e", "-M", "-m", "-n", "-t", "-T", "-r", "-R", "-L"))),
            Map.entry("ncrack", new Tool("tries passwords against", NONE, 0, Set.of("-iL", "-iX", "-iN"), false, Set.of("-p",
                    "-U", "-P", "--user", "--pass", "-oN", "-oX", "-oA", "-m", "-g"))),
            Map.entry("patator", new Tool("tries passwords against", NONE, 1, NONE, false, NONE)),
            Map.entry("nikto", new Tool("runs a web vulnerability scan against", Set.of("-h", "-host", "-url", "--host", "--url"),
                    -1, NONE, false, Set.of("-p", "-port", "-o", "-output", "-Format", "-F", "-Tuning", "-T", "-Plugins", "-id",
                            "-vhost", "-useproxy", "-config", "-evasion", "-e", "-mutate", "-root", "-timeout", "-maxtime"))),
            Map.entry("wpscan", new Tool("runs a vulnerability and password scan against", Set.of("--url"), -1, NONE, false,
                    Set.of("-e", "--enumerate", "-U", "--usernames", "-P", "--passwords", "--api-token", "-o", "--output", "-f",
                            "--format", "--detection-mode", "--plugins-detection", "-t", "--max-threads", "--http-auth",
                            "--proxy", "--cookie-string", "--user-agent"))),
            Map.entry("gobuster", new Tool("brute-forces paths and names on", Set.of("-u", "--url", "-d", "--domain"), -1, NONE,
                    false, Set.of("-w", "--wordlist", "-o", "--output", "-t", "--threads", "-x", "--extensions", "-s", "-b",
                            "-c", "--cookies", "-H", "--headers", "-a", "--useragent", "-p", "--proxy", "-P", "--password",
                            "-U", "--username", "--delay", "-r", "--resolver", "--timeout"))),
            Map.entry("ffuf", new Tool("fuzzes", Set.of("-u"), -1, Set.of("-request"), false, Set.of("-w", "-H", "-X", "-d", "-o",
                    "-of", "-mc", "-fc", "-fs", "-fw", "-fl", "-fr", "-mr", "-ms", "-mw", "-ml", "-t", "-rate", "-x", "-e",
                    "-recursion-depth", "-b", "-p", "-timeout", "-maxtime", "-mode", "-input-cmd", "-replay-proxy"))),
            Map.entry("feroxbuster", DIR_BRUTE),
            Map.entry("dirsearch", DIR_BRUTE),
            Map.entry("dirb", new Tool("brute-forces paths on", NONE, 0, NONE, false, Set.of("-o", "-a", "-c", "-H", "-p", "-P",
                    "-u", "-X", "-x", "-z"))),
            Map.entry("wfuzz", new Tool("fuzzes", Set.of("-u"), 0, NONE, false, Set.of("-w", "-z", "-t", "-s", "-p", "-b", "-d",
                    "-H", "-X", "-f", "-o", "-e", "-m", "-R", "--hc", "--hl", "--hw", "--hh", "--sc", "--sl", "--sw", "--sh",
                    "--ss", "--hs", "--filter"))),
            Map.entry("dalfox", new Tool("injects scripts into", NONE, 1, NONE, true, Set.of("-b", "--blind", "-o", "--output",
                    "-H", "--header", "-C", "--cookie", "-p", "--param", "-w", "--worker", "--proxy", "--format", "-X",
                    "--method", "-d", "--data"))),
            Map.entry("xsstrike", new Tool("injects scripts into", Set.of("-u", "--url"), -1, Set.of("--seeds"), false,
                    Set.of("--data", "-e", "--encode", "--headers", "-l", "--level", "-t", "--threads", "-d", "--delay",
                            "--timeout", "-f", "--file"))),
            Map.entry("wapiti", new Tool("runs an attack scan against", Set.of("-u", "--url"), -1, NONE, false, Set.of("-m",
                    "--module", "-o", "--output", "-f", "--format", "-s", "--start", "-x", "--exclude", "-p", "--proxy",
                    "-d", "--depth", "--scope", "-l", "--level"))),
            Map.entry("arachni", new Tool("runs an attack scan against", NONE, 0, NONE, false, Set.of("--checks",
                    "--report-save-path", "--scope-include-pattern", "--scope-exclude-pattern", "--plugin"))),
            Map.entry("skipfish", new Tool("runs an attack scan against", NONE, 0, NONE, false, Set.of("-o", "-W", "-S", "-w",
                    "-C", "-H", "-b", "-I", "-X", "-K", "-D", "-m", "-l", "-r", "-d", "-c", "-x", "-A"))),
            Map.entry("zap-full-scan.py", ZAP), Map.entry("zap-full-scan", ZAP),
            Map.entry("zap-api-scan.py", ZAP), Map.entry("zap-api-scan", ZAP),
            Map.entry("zap.sh", new Tool("spiders and actively scans", Set.of("-quickurl"), -1, NONE, false, Set.of("-port",
                    "-host", "-config", "-quickout", "-dir", "-installdir", "-configfile", "-session", "-newsession"))),
            Map.entry("msfconsole", new Tool("runs exploit modules against", NONE, -1, Set.of("-r", "--resource"), false,
                    Set.of("-x", "--execute-command", "-o", "--output", "-c", "--config"))),
            Map.entry("responder", new Tool("poisons name resolution on the network of", Set.of("-I", "--interface"), -1, NONE,
                    false, Set.of("-i", "--ip", "-e", "--externalip"))),
            Map.entry("bettercap", new Tool("intercepts traffic on the network of", Set.of("-iface"), -1, NONE, false,
                    Set.of("-eval", "-caplet", "-gateway-override", "-script")))
    );
    /** The same programs under other names. */
    private static final Map<String, String> ALIASES = Map.of("dirsearch.py", "dirsearch", "xsstrike.py", "xsstrike",
            "sqlmap.py", "sqlmap");

    /** Flags that only print help, versions or template lists, or update the tool: nothing is sent to a target. */
    private static final Set<String> ONLY_LOOKS = Set.of("--help", "-help", "-hh", "--version", "-version", "-Version",
            "--update", "-update", "-ut", "-update-templates", "-tl", "-templates-list", "-tgl", "--list-plugins", "-list-plugins",
            "--iflist", "--script-help", "--dependencies", "--wizard");
    /** nmap options that probe versions, operating systems or run scripts, or send raw or stealth packets. */
    private static final java.util.regex.Pattern NMAP_INTRUSIVE = java.util.regex.Pattern.compile(
            "-A|-O|-s[SUNFXAWMIOYZVC]+|--script.*|-sV.*|--osscan.*|--version-.*|-T[45]|-p-|--top-ports|-b|-f|-D|--badsum");

    @Override
    public Set<String> programs() {
        java.util.HashSet<String> all = new java.util.HashSet<>(TOOLS.keySet());
        all.addAll(ALIASES.keySet());
        // Medusa.js shares the name: MigrationRecognizer hands the cracker's option-only lines back here
        all.remove("medusa");
        return all;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = ALIASES.getOrDefault(inv.program(), inv.program());
        Tool tool = TOOLS.get(program);
        java.util.Set<String> valued = new java.util.HashSet<>(tool.valued());
        valued.addAll(tool.target());
        valued.addAll(tool.hidden());
        ParsedArgs p = inv.parse(valued);
        if (inv.args().isEmpty() || inv.words().stream().anyMatch(ONLY_LOOKS::contains)
                || p.words().isEmpty() && p.flags().keySet().equals(Set.of("-h")) && p.value("-h").isEmpty()) {
            return List.of(look(inv, "prints help or updates " + program + "; nothing is sent to a target"));
        }
        List<String> targets = targets(inv, program, tool, p);
        boolean hidden = tool.hidden().stream().anyMatch(p::has);
        if (targets.isEmpty() && !hidden && !tool.piped()) {
            // no target named (zap.sh -daemon, msfconsole -q): a local program whose actions come later
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        List<String> hosts = targets.stream().map(AttackTools::host).filter(h -> !h.isEmpty()).toList();
        Optional<String> away = hosts.stream().filter(h -> !Hosts.loopback(h)).findFirst();
        String host = hidden || hosts.isEmpty() ? "" : away.orElse(hosts.getFirst());
        if (program.equals("nmap") && !host.isEmpty() && probeOnly(inv, p, targets)) {
            return List.of(Operation.builder("network", Verb.READ).resource("host", host).locator("host", host)
                    .evidence(inv.evidence()).note("nmap checks whether a few ports of " + host + " answer").build());
        }
        boolean many = targets.size() > 1 || hidden || targets.stream().anyMatch(t -> Regex.find(t, "^[^:]*/\\d{1,2}$|[*]|\\d-\\d+$"));
        Operation.Builder b = Operation.builder("network", Verb.EXECUTE)
                .resource(tool.target().contains("-I") || tool.target().contains("-iface") ? "network" : "host",
                        host.isEmpty() ? targets.stream().findFirst().orElse("") : host)
                .scope(many ? Scope.MANY : Scope.ONE).reversible(false)
                .confidence(host.isEmpty() ? Confidence.INFERRED : Confidence.EXACT).evidence(inv.evidence())
                .note(program + " " + tool.does() + " " + (host.isEmpty() ? "targets this command line does not show"
                        : targets.size() > 1 ? host + " and other targets" : targets.getFirst()));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        return List.of(b.build());
    }

    /** The targets named on the command line: target flags' values, then positionals from the tool's position on. */
    private static List<String> targets(Invocation inv, String program, Tool tool, ParsedArgs p) {
        List<String> out = new ArrayList<>();
        tool.target().forEach(f -> out.addAll(p.flags().getOrDefault(f, List.of()).stream().filter(v -> !v.isEmpty()).toList()));
        if (program.equals("msfconsole")) {
            // msfconsole -x "use exploit/…; set RHOSTS 10.0.0.5; run"
            p.value("-x", "--execute-command").ifPresent(script -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bset[g]?\\s+RHOSTS?\\s+([^;\\s]+)").matcher(script);
                while (m.find()) {
                    out.add(m.group(1));
                }
            });
        } else if (program.equals("patator")) {
            // patator ssh_login host=10.0.0.5 user=root password=FILE0 0=pw.txt
            p.words().stream().filter(w -> Regex.matches(w, "(?i)(host|url)=.+")).map(w -> w.substring(w.indexOf('=') + 1))
                    .forEach(out::add);
        } else if (tool.positional() >= 0) {
            List<String> words = p.words();
            for (int i = tool.positional(); i < words.size(); i++) {
                String w = words.get(i);
                // hydra's service (ssh, http-post-form "/login:…"), dirb's wordlist, wfuzz's payload files are not targets
                if (program.equals("hydra") && i > tool.positional() || program.equals("dirb") && i > tool.positional()) {
                    break;
                }
                if (program.equals("dalfox") && !words.get(0).equals("url")) {
                    break;
                }
                if (program.equals("wfuzz") && !w.contains("://") && !w.contains("FUZZ")) {
                    continue;
                }
                out.add(w);
            }
        }
        return out;
    }

    /** The host of a target: a URL's, {@code host:port}'s, a CIDR's network address, {@code ssh://host}'s. */
    private static String host(String target) {
        return Hosts.of(target.replace("FUZZ", "x"));
    }

    /** {@code nmap -p 443 host}, {@code nmap -sn host}: one host, a few named ports, nothing intrusive — a reachability check. */
    private static boolean probeOnly(Invocation inv, ParsedArgs p, List<String> targets) {
        if (targets.size() != 1 || Regex.find(targets.getFirst(), "/\\d{1,2}$|[*]|\\d-\\d+$")
                || inv.words().stream().anyMatch(w -> NMAP_INTRUSIVE.matcher(w).matches())) {
            return false;
        }
        String ports = p.value("-p").orElse("");
        return inv.words().contains("-sn") || inv.words().contains("-sL")
                || !ports.isEmpty() && !ports.contains("-") && ports.split(",").length <= 3;
    }

    private static Operation look(Invocation inv, String note) {
        return dev.interlock.analysis.shell.recognizers.LocalFiles.local(inv, Operation.builder("process", Verb.READ)
                .resource("program", inv.program()).evidence(inv.evidence()).note(note), "runs on this machine").build();
    }
}
