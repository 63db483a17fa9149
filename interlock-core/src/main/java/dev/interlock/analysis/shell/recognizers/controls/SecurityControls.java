package dev.interlock.analysis.shell.recognizers.controls;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Marks operations that switch a security control off with the {@code disables-control} locator naming it
 * ({@code audit-trail}, {@code threat-detection}, {@code mtls}, {@code network-policy}, {@code firewall}, …). The
 * program's own recognizer has already said what the command does and where; this only adds which control it takes
 * away, so that policy can hold it whatever the environment's ordinary tier is. Reads are never marked.
 */
public final class SecurityControls {

    public static final String LOCATOR = "disables-control";

    private SecurityControls() {
    }

    /** Per program: how to read its command, and which control it switches off given one of its operations. */
    private record Family(Function<Invocation, Command> parse, BiFunction<Command, Operation, Optional<String>> control) {
    }

    private static final Family AWS = table(CloudSwitches::aws, CloudSwitches.AWS);
    private static final Family KUBECTL = new Family(ClusterSwitches::kubectl, ClusterSwitches::kubectl);
    private static final Family HELM = new Family(ClusterSwitches::helmCommand, (c, op) -> ClusterSwitches.helm(c));
    private static final Family HOST = new Family(inv -> Command.parse(inv, Set.of(), Set.of(), false), (c, op) -> HostSwitches.control(c.inv()));

    private static final Map<String, Family> FAMILIES = families();

    private static Map<String, Family> families() {
        Map<String, Family> all = new java.util.HashMap<>();
        all.put("aws", AWS);
        all.put("awslocal", AWS);
        all.put("gcloud", table(CloudSwitches::gcloud, CloudSwitches.GCLOUD));
        all.put("az", table(CloudSwitches::az, CloudSwitches.AZ));
        for (String p : Set.of("kubectl", "oc", "k", "kubecolor")) {
            all.put(p, KUBECTL);
        }
        all.put("helm", HELM);
        all.put("helm3", HELM);
        HostSwitches.programs().forEach(p -> all.put(p, HOST));
        Family directory = new Family(inv -> Command.parse(inv, Set.of(), Set.of(), false), (c, op) -> DirectorySwitches.control(c.inv()));
        DirectorySwitches.programs().forEach(p -> all.put(p, directory));
        Family packages = new Family(inv -> Command.parse(inv, Set.of(), Set.of(), false), PackageSwitches::control);
        PackageSwitches.PROGRAMS.forEach(p -> all.putIfAbsent(p, packages));
        Family trust = new Family(inv -> Command.parse(inv, Set.of(), Set.of(), false), (c, op) -> TrustStores.control(c.inv()));
        TrustStores.programs().forEach(p -> all.put(p, trust));
        return Map.copyOf(all);
    }

    private static Family table(Function<Invocation, Command> parse, List<Switch> rows) {
        return new Family(parse, (c, op) -> rows.stream().filter(s -> s.matches(c)).map(Switch::control).findFirst());
    }

    /** The operations of one program run, those that switch a control off marked. */
    public static List<Operation> mark(Invocation inv, List<Operation> ops) {
        Family family = FAMILIES.get(inv.program());
        if (family == null || ops.stream().allMatch(op -> op.verb() == Verb.READ)) {
            return ops;
        }
        Command c = family.parse().apply(inv);
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            Optional<String> control = skipped(op) ? Optional.empty() : family.control().apply(c, op);
            out.add(control.map(name -> marked(op, name)).orElse(op));
        }
        return out;
    }

    /**
     * The control a PowerShell cmdlet switches off, given the words after it ({@code Set-NetFirewallProfile -Enabled False},
     * {@code Set-MpPreference -DisableRealtimeMonitoring $true}, {@code Set-Item WSMan:\localhost\Service\AllowUnencrypted $true}).
     */
    public static Optional<String> cmdlet(String cmdlet, String rest) {
        return WindowsSwitches.cmdlet(cmdlet, rest);
    }

    /**
     * The control an Elasticsearch or OpenSearch settings request switches off ({@code PUT _cluster/settings} with
     * {@code plugins.security.audit.type: noop}), given its path and body.
     */
    public static Optional<String> searchSettings(String path, String body) {
        return SearchSwitches.control(path, body);
    }

    /** An object of a manifest ({@code kind: PeerAuthentication} with its body) that switches a control off, if it does. */
    public static Optional<String> manifest(String kind, Verb verb, String name, String body) {
        return ClusterSwitches.manifest(kind, verb, name, body);
    }

    /** Reads, secrets and escalations are not a control switched off; an operation marked already keeps its control. */
    private static boolean skipped(Operation op) {
        return op.verb() == Verb.READ || op.verb() == Verb.CREDENTIAL || op.verb() == Verb.ESCALATE
                || op.resource().locators().containsKey(LOCATOR);
    }

    public static Operation marked(Operation op, String control) {
        String note = "switches off " + control;
        return op.toBuilder().locator(LOCATOR, control).note(op.note().isEmpty() ? note : op.note() + "; " + note).build();
    }
}
