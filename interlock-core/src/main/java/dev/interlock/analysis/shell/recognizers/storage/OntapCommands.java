package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NetApp ONTAP's cluster shell, as sent over ssh to an array ({@code ssh admin@cluster1 "volume show -vserver svm1"}).
 * A command is a path of nouns ending in a verb ({@code volume snapshot delete}, {@code security login create}). The
 * verb decides: {@code show} only looks; {@code delete}, {@code destroy}, {@code offline}, {@code restrict} and
 * {@code unmount} take data away; logins, roles, passwords and export rules are grants; anything else changes the
 * array.
 */
public final class OntapCommands {

    private OntapCommands() {
    }

    /** First words only ONTAP's shell speaks ({@code security} and {@code storage} only with one of its own groups next). */
    private static final Set<String> FIRST = Set.of("volume", "vol", "vserver", "snapmirror", "lun", "qtree", "aggr",
            "cluster", "metrocluster", "fcp", "iscsi");
    private static final Set<String> SECURITY = Set.of("login", "certificate", "key-manager", "ssl", "ssh", "audit",
            "session", "protocol", "saml-sp", "multifactor", "anti-ransomware", "snmpusers", "config", "webauthn", "ipsec");
    private static final Set<String> STORAGE = Set.of("aggregate", "disk", "failover", "shelf", "encryption", "port",
            "pool", "raid-options", "tape", "efficiency", "switch", "iscsi-initiator");
    private static final Set<String> READS = Set.of("show", "show-space", "show-footprint", "show-detail", "show-space-mapping",
            "check", "history", "show-summary", "show-disk-encrypt", "query", "show-key-store", "show-keystore",
            "show-key-status", "show-uuid", "validate");
    private static final Set<String> DELETES = Set.of("delete", "destroy", "offline", "restrict", "unmount", "remove",
            "purge", "break", "release", "zero-spares", "sanitize", "wipe", "remove-disk", "erase", "revert-to");
    /** Command paths that change who may log in or what they may do. */
    private static final List<String> GRANTS = List.of("security login", "security login role", "vserver export-policy rule",
            "vserver cifs share access-control", "vserver services name-service", "security ssh", "security key-manager",
            "lun mapping", "lun igroup", "vserver name-mapping", "security certificate install");
    /** {@code security key-manager key query}, {@code … backup show} print keys the array encrypts with. */
    private static final String CREDENTIALS = "security key-manager (onboard show-backup|backup show|key query -key-type.*)";

    /** Whether a command sent to a machine is ONTAP's shell rather than a POSIX line. */
    public static boolean spoken(String command) {
        String[] w = words(first(command));
        if (w.length < 2 || w[1].startsWith("-")) {
            return false;
        }
        return FIRST.contains(w[0]) || w[0].equals("security") && SECURITY.contains(w[1])
                || w[0].equals("storage") && STORAGE.contains(w[1])
                || w[0].equals("system") && Regex.matches(w[1], "node|health|license|ha|controller|service-processor");
    }

    /** One operation per command line sent to the array {@code array}. */
    public static List<Operation> operations(String text, String array, Map<String, String> locators, Evidence evidence) {
        List<Operation> ops = new ArrayList<>();
        for (String line : Regex.split(text, "[\\r\\n;]+")) {
            String[] w = words(line);
            if (w.length == 0) {
                continue;
            }
            Verb verb = verb(w, line.strip().toLowerCase(Locale.ROOT));
            String path = String.join(" ", java.util.Arrays.stream(w).takeWhile(x -> !x.startsWith("-")).toList());
            Operation.Builder b = Operation.builder("ontap", verb).resource(w[0].equals("vol") ? "volume" : w[0], array)
                    .evidence(evidence).confidence(Confidence.INFERRED)
                    .stateful(verb == Verb.DELETE).reversible(verb == Verb.READ || verb == Verb.UPDATE)
                    .scope(Scope.ONE)
                    .note("ONTAP " + path + (verb == Verb.READ ? " only looks" : " on the array"));
            locators.forEach(b::locator);
            ops.add(b.build());
        }
        return ops;
    }

    private static Verb verb(String[] w, String line) {
        List<String> path = java.util.Arrays.stream(w).takeWhile(x -> !x.startsWith("-")).toList();
        String last = path.getLast();
        if (Regex.matches(line, CREDENTIALS)) {
            return Verb.CREDENTIAL;
        }
        if (READS.contains(last)) {
            return Verb.READ;
        }
        String nouns = String.join(" ", path.subList(0, path.size() - 1));
        if (GRANTS.contains(nouns) || last.equals("password") && nouns.startsWith("security login")) {
            return Verb.GRANT;
        }
        return DELETES.contains(last) ? Verb.DELETE : Verb.UPDATE;
    }

    private static String first(String command) {
        for (String line : Regex.split(command, "[\\r\\n;]+")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    private static String[] words(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        return l.isEmpty() ? new String[0] : Regex.split(l, "\\s+");
    }
}
