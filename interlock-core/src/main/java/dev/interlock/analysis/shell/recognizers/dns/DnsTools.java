package dev.interlock.analysis.shell.recognizers.dns;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DNS tools. Records and zones live on name servers and DNS providers, so a change is as shared as the zone: a zone
 * whose labels say dev or test is a dev zone ({@code dev.example.internal}); a public zone with nothing naming it is
 * unknown. {@code nsupdate} is judged by the script it reads ({@code server}, {@code zone}, {@code update add|delete});
 * octoDNS and DNSControl only plan unless told to apply; BIND's checkers only read.
 */
public final class DnsTools implements Recognizer {

    /** Zone labels that name an environment. */
    private static final Set<String> TIER_LABELS = Set.of("dev", "development", "test", "testing", "sandbox", "qa", "staging",
            "stage", "stg", "uat", "prod", "production", "prd", "live");
    /** rndc commands that only report (status, zone status and configuration, keys, negative trust anchors listed). */
    private static final Set<String> RNDC_READS = Set.of("status", "zonestatus", "showzone", "tsig-list", "recursing",
            "secroots", "dumpdb", "stats", "managed-keys", "validation", "serve-stale", "fetchlimit", "");
    /** flarectl's read words; its other commands change the zone or account. */
    private static final Set<String> FLARECTL_READS = Set.of("list", "info", "export", "ls", "i", "l", "ips", "plan", "help");
    private static final Map<String, Set<String>> READ_TOOLS = Map.of(
            "dnscontrol", Set.of("preview", "check", "print-ir", "get-zones", "get-zone", "check-creds", "fmt", "version", "help"),
            "octodns-dump", Set.of(), "octodns-validate", Set.of(), "octodns-report", Set.of(), "octodns-compare", Set.of(),
            "octodns-versions", Set.of());

    @Override
    public Set<String> programs() {
        return Set.of("nsupdate", "named-checkzone", "named-checkconf", "rndc", "flarectl", "octodns-sync", "octodns-dump",
                "octodns-validate", "octodns-report", "octodns-compare", "octodns-versions", "dnscontrol");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(switch (inv.program()) {
            case "nsupdate" -> nsupdate(inv);
            case "named-checkzone", "named-checkconf" -> local(inv, Operation.builder("dns", Verb.READ)
                    .resource("zone", inv.parse(Set.of("-t", "-i", "-k", "-m", "-n", "-r", "-M", "-S", "-T", "-W", "-c", "-f", "-F",
                            "-J", "-o", "-s", "-D")).positional(0).orElse("")).evidence(inv.evidence()), true);
            case "rndc" -> rndc(inv);
            case "flarectl" -> flarectl(inv);
            case "octodns-sync" -> octodns(inv);
            default -> planner(inv);
        });
    }

    /** {@code nsupdate}: the script on standard input names the server, the zone and the changes. */
    private static Operation nsupdate(Invocation inv) {
        String script = inv.stdin().orElse("");
        String server = "";
        String zone = "";
        String record = "";
        Verb verb = script.isBlank() ? Verb.UPDATE : Verb.READ;
        for (String line : script.split("\n")) {
            String[] w = line.strip().split("\\s+");
            String first = w[0].toLowerCase(Locale.ROOT);
            if (first.equals("server") && w.length > 1) {
                server = w[1];
            } else if (first.equals("zone") && w.length > 1) {
                zone = w[1];
            } else if (first.equals("update") && w.length > 2) {
                boolean deletes = w[1].startsWith("del");
                verb = deletes || verb == Verb.DELETE ? Verb.DELETE : Verb.UPDATE;
                record = record.isEmpty() ? w[2] : record;
            } else if ((first.equals("add") || first.startsWith("del")) && w.length > 1) {
                // "update" may be left out: add and delete alone are updates
                verb = first.startsWith("del") || verb == Verb.DELETE ? Verb.DELETE : Verb.UPDATE;
                record = record.isEmpty() ? w[1] : record;
            }
        }
        String name = !zone.isEmpty() ? zone : record;
        Operation.Builder b = zone(Operation.builder("dns", verb).resource(record.isEmpty() ? "zone" : "record", name), name)
                .locator("host", server).confidence(script.isBlank() ? Confidence.INFERRED : Confidence.EXACT).evidence(inv.evidence())
                .note(script.isBlank() ? "nsupdate applies a script Interlock cannot see" : "nsupdate sends dynamic updates to the zone");
        return local(inv, b, inv.words().contains("-l"));
    }

    private static Operation rndc(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-s", "-p", "-c", "-k", "-y", "-V"));
        String sub = p.positional(0).orElse("");
        Verb verb = RNDC_READS.contains(sub) ? Verb.READ : sub.equals("delzone") ? Verb.DELETE : Verb.UPDATE;
        String zone = p.positional(1).orElse("");
        Operation.Builder b = zone(Operation.builder("dns", verb).resource("zone", zone), zone).evidence(inv.evidence())
                .note("rndc " + sub + (verb == Verb.READ ? " reports on the name server" : " changes what the name server serves"));
        Optional<String> server = p.value("-s");
        server.ifPresent(s -> b.locator("host", s));
        return local(inv, b, server.isEmpty() || Hosts.loopback(server.get()));
    }

    /** Cloudflare's flarectl: {@code dns create|update|delete}, {@code zone create|delete|purge} change the account. */
    private static Operation flarectl(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--zone", "--name", "--type", "--content", "--id", "--ttl", "--priority", "--account",
                "--files", "--tags", "--hosts", "--value", "--mode", "--notes", "--zone-id"));
        List<String> words = p.words();
        String group = words.isEmpty() ? "" : words.getFirst();
        String command = words.size() > 1 ? words.get(1) : "";
        Verb verb = group.isEmpty() || FLARECTL_READS.contains(group) || FLARECTL_READS.contains(command) || command.isEmpty()
                ? Verb.READ : command.startsWith("delete") || command.equals("rm") ? Verb.DELETE
                : command.startsWith("create") || command.equals("c") ? Verb.CREATE : Verb.UPDATE;
        String zone = p.value("--zone").orElse(group.equals("zone") && words.size() > 2 ? words.get(2) : "");
        Operation.Builder b = zone(Operation.builder("cloudflare", verb).resource(group.equals("zone") ? "zone" : "record",
                        p.value("--name", "--id").map(n -> n + " in " + zone).orElse(zone)), zone)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("flarectl " + group + " " + command);
        if (verb == Verb.DELETE && group.equals("zone")) {
            b.stateful(true).reversible(false).note("flarectl zone delete removes the zone and every record in it");
        }
        return b.build();
    }

    /** octodns-sync plans until {@code --doit}; the config file's name says which environment's zones it holds. */
    private static Operation octodns(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--config-file", "--source", "--target", "--log-stream-stdout"));
        boolean applies = p.has("--doit");
        String config = p.value("--config-file").orElse("");
        List<String> zones = p.positionals().stream().map(a -> a.value()).toList();
        Operation.Builder b = Operation.builder("dns", applies ? Verb.UPDATE : Verb.READ)
                .resource("zone", zones.isEmpty() ? config : String.join(" ", zones)).confidence(Confidence.INFERRED)
                .evidence(inv.evidence())
                .note(applies ? "octodns-sync --doit applies its plan to the providers" + (p.has("--force") ? ", deletions included" : "")
                        : "octodns-sync without --doit only plans");
        // config/production.yaml, config/dev.yaml: the file is named for the environment whose zones it manages
        String tier = fileTier(config).toLowerCase(Locale.ROOT);
        LocalFiles.namedEnvironment(inv.env(), List.of(dev.interlock.analysis.shell.Arg.of(tier)))
                .or(() -> TIER_LABELS.contains(tier) ? Optional.of(tier) : Optional.empty())
                .ifPresent(e -> b.locator("environment", e));
        return b.build();
    }

    /** {@code config/production.yaml} → production: the name of a config file, without its extension. */
    private static String fileTier(String path) {
        String base = LocalFiles.basename(path);
        return base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
    }

    /** DNSControl and octoDNS's other tools: their read commands only look; {@code dnscontrol push} applies. */
    private static Operation planner(Invocation inv) {
        Set<String> reads = READ_TOOLS.get(inv.program());
        String sub = inv.parse(Set.of("--config", "--creds", "--domains", "--providers", "--config-file")).positional(0).orElse("");
        boolean read = reads.isEmpty() || sub.isEmpty() || reads.contains(sub);
        return Operation.builder("dns", read ? Verb.READ : Verb.UPDATE).resource("zone", inv.parse(Set.of("--domains")).value("--domains").orElse(""))
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(inv.program() + " " + sub + (read ? " only reads or plans" : " changes records at the providers")).build();
    }

    /** The environment a zone's labels name, as a locator. */
    private static Operation.Builder zone(Operation.Builder b, String zone) {
        Arrays.stream(zone.toLowerCase(Locale.ROOT).split("[.]")).flatMap(l -> Arrays.stream(l.split("[-_]")))
                .filter(TIER_LABELS::contains).findFirst().ifPresent(label -> b.locator("environment", label));
        return b;
    }

    private static Operation local(Invocation inv, Operation.Builder b, boolean here) {
        return here ? LocalFiles.local(inv, b, "the name server on this machine").build() : b.build();
    }
}
