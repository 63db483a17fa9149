package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Windows' {@code certutil} and NSS's {@code certutil} (same name, told apart by their verbs: {@code -addstore} against
 * {@code -A}). Dumping, verifying, hashing and listing stores are reads. Adding to or deleting from a certificate store
 * changes this machine's (or this user's) store: an {@code os} operation, which {@code SecurityControls} marks when the
 * store is one of trust anchors. {@code -decode}/{@code -encode} are file work; {@code -urlcache -f URL FILE} downloads.
 */
final class Certutil {

    private Certutil() {
    }

    /** Windows verbs, lower case → what they do; a verb not listed runs as today (an inferred execute of certutil). */
    private static final Map<String, Verb> WINDOWS = Map.ofEntries(
            Map.entry("-dump", Verb.READ), Map.entry("-verify", Verb.READ), Map.entry("-store", Verb.READ),
            Map.entry("-viewstore", Verb.READ), Map.entry("-hashfile", Verb.READ), Map.entry("-urlcache", Verb.READ),
            Map.entry("-verifystore", Verb.READ), Map.entry("-dumppfx", Verb.READ), Map.entry("-asn", Verb.READ),
            Map.entry("-ping", Verb.READ), Map.entry("-cainfo", Verb.READ), Map.entry("-catemplates", Verb.READ),
            Map.entry("-template", Verb.READ), Map.entry("-getreg", Verb.READ), Map.entry("-url", Verb.READ),
            Map.entry("-?", Verb.READ), Map.entry("-help", Verb.READ),
            Map.entry("-decode", Verb.CREATE), Map.entry("-encode", Verb.CREATE), Map.entry("-decodehex", Verb.CREATE),
            Map.entry("-encodehex", Verb.CREATE),
            Map.entry("-addstore", Verb.UPDATE), Map.entry("-importpfx", Verb.UPDATE), Map.entry("-importcert", Verb.UPDATE),
            Map.entry("-installcert", Verb.UPDATE), Map.entry("-repairstore", Verb.UPDATE), Map.entry("-setreg", Verb.UPDATE),
            Map.entry("-delreg", Verb.UPDATE), Map.entry("-delstore", Verb.DELETE));

    /** NSS verbs: list, verify and print keep the database as it is; add, modify, delete and new change it. */
    private static final Map<String, Verb> NSS = Map.of("-L", Verb.READ, "-K", Verb.READ, "-V", Verb.READ, "-H", Verb.READ,
            "-A", Verb.UPDATE, "-M", Verb.UPDATE, "-E", Verb.UPDATE, "-D", Verb.DELETE, "-F", Verb.DELETE, "-N", Verb.CREATE);

    /** Windows options that take a value (the password, the CA's config string, a CSP, a timeout, an output file). */
    private static final Set<String> VALUED = Set.of("-p", "-config", "-csp", "-t", "-restrict", "-out", "-pin", "-sid", "-dc");

    static List<Operation> recognize(Invocation inv) {
        List<String> words = inv.words();
        for (String w : words) {
            if (NSS.containsKey(w)) {
                return nss(inv, NSS.get(w), w);
            }
            String verb = w.toLowerCase(Locale.ROOT).replaceFirst("^/", "-");
            if (WINDOWS.containsKey(verb)) {
                return windows(inv, verb, WINDOWS.get(verb), operands(words, w));
            }
        }
        return List.of(LocalFiles.execute(inv, "certutil", ""));
    }

    /** The words after the verb that are not options or their values. */
    private static List<String> operands(List<String> words, String verb) {
        List<String> out = new ArrayList<>();
        for (int i = words.indexOf(verb) + 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                i += VALUED.contains(w.toLowerCase(Locale.ROOT)) ? 1 : 0;
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Operation> windows(Invocation inv, String verb, Verb what, List<String> operands) {
        String first = operands.isEmpty() ? "" : operands.getFirst();
        if (verb.equals("-urlcache")) {
            // -urlcache alone (or with *) lists the cache; with a URL and -f it fetches, and the file saved is not in view
            if (!first.matches("(?i)(https?|ftp)://.*")) {
                return List.of(store(inv, Verb.READ, "urlcache", "certutil -urlcache lists the URL cache"));
            }
            List<Operation> ops = new ArrayList<>();
            ops.add(Operation.builder("http", Verb.READ).resource("endpoint", first).locator("host", Hosts.of(first))
                    .evidence(inv.evidence()).note("certutil -urlcache downloads " + first).build());
            if (operands.size() > 1) {
                ops.add(SelfProtectionRecognizer.write(inv, operands.get(1), "downloads into"));
            }
            return ops;
        }
        if (what == Verb.CREATE) {
            List<Operation> ops = new ArrayList<>();
            if (!first.isEmpty()) {
                ops.add(LocalFiles.read(inv, first));
            }
            if (operands.size() > 1) {
                ops.add(LocalFiles.on(inv, Verb.CREATE, "file", operands.get(1)).note("certutil " + verb + " writes " + operands.get(1)).build());
            }
            return ops;
        }
        if ((verb.equals("-dump") || verb.equals("-verify") || verb.equals("-hashfile") || verb.equals("-dumppfx") || verb.equals("-asn")) && !first.isEmpty()) {
            // a certificate, PFX or any file of the workspace printed or hashed
            return List.of(LocalFiles.read(inv, first));
        }
        if (what == Verb.READ) {
            return List.of(store(inv, Verb.READ, first.isEmpty() || verb.equals("-dump") || verb.equals("-hashfile") ? "certificate" : first,
                    "certutil " + verb + " shows certificates, not private keys"));
        }
        // -addstore STORE FILE, -delstore STORE CERT, -importpfx FILE (into My)
        String store = verb.equals("-addstore") || verb.equals("-delstore") || verb.equals("-repairstore") ? first : "My";
        return List.of(store(inv, what, store, "certutil " + verb + " changes the " + store + " certificate store of this "
                + (inv.words().stream().anyMatch(w -> w.equalsIgnoreCase("-user")) ? "user" : "machine")));
    }

    private static List<Operation> nss(Invocation inv, Verb what, String verb) {
        String db = inv.parse(Set.of("-d", "-n", "-t", "-i", "-f", "-P")).value("-d").orElse("~/.pki/nssdb");
        String note = what == Verb.READ ? "certutil " + verb + " lists the NSS database" : "certutil " + verb + " changes the NSS database " + db;
        return List.of(store(inv, what, db, note));
    }

    private static Operation store(Invocation inv, Verb verb, String name, String note) {
        return LocalFiles.local(inv, Operation.builder("os", verb).resource("certificate-store", name).evidence(inv.evidence())
                .stateful(verb == Verb.DELETE).reversible(verb != Verb.DELETE).note(note), "a certificate store on this machine").build();
    }
}
