package dev.interlock.analysis.shell.recognizers.kerberos;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keytabs and ticket caches on this machine. {@code klist} lists tickets, and with {@code -k} a keytab's principals and
 * enctypes; {@code -K} adds the keys themselves, which is reading a credential (Windows' {@code klist purge} drops
 * tickets). {@code ktutil} runs the requests on its standard input: {@code list -k} prints keys, writing out a keytab
 * it read copies keys (entries added or deleted stay in memory until written).
 */
final class Keytabs {

    private Keytabs() {
    }

    private static final Set<String> KLIST_VALUED = Set.of("-c", "-li", "-lh");
    private static final Set<String> READ_KEYTAB = Set.of("read_kt", "rkt");
    private static final Set<String> WRITE_KEYTAB = Set.of("write_kt", "wkt");

    static List<Operation> klist(Invocation inv) {
        var p = inv.parse(KLIST_VALUED);
        List<String> words = p.words();
        if (words.contains("purge") || words.contains("purge_bind")) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("kerberos-tickets", "")
                    .evidence(inv.evidence()).note("klist purge drops this logon session's tickets"), "this machine's tickets").build());
        }
        String keytab = words.isEmpty() ? "" : words.getFirst();
        if (p.has("-k") && p.has("-K")) {
            return List.of(CredentialRecognizer.secretFile(inv, keytab.isEmpty() ? "/etc/krb5.keytab" : keytab).toBuilder()
                    .note("klist -K prints the keytab's keys").build());
        }
        Operation.Builder b = p.has("-k") ? LocalFiles.on(inv, Verb.READ, "keytab", keytab.isEmpty() ? "/etc/krb5.keytab" : keytab)
                .note("lists the keytab's principals and enctypes, not its keys")
                : LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource("kerberos-tickets", "").evidence(inv.evidence()),
                "this machine's tickets");
        return List.of(b.build());
    }

    static List<Operation> ktutil(Invocation inv) {
        if (inv.stdin().isEmpty()) {
            return List.of(LocalFiles.execute(inv, "ktutil", "an interactive ktutil session: its requests are not in view"));
        }
        List<String> read = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        for (String line : inv.stdin().get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            List<String> words = List.of(line.split("\\s+"));
            String request = words.getFirst();
            String operand = words.size() > 1 ? words.getLast() : "";
            if (READ_KEYTAB.contains(request) || request.equals("read_st") || request.equals("rst")) {
                read.add(operand);
            } else if ((request.equals("list") || request.equals("l")) && words.stream().anyMatch(w -> w.matches("-[a-z]*k[a-z]*"))) {
                read.forEach(file -> ops.add(CredentialRecognizer.secretFile(inv, file).toBuilder()
                        .note("ktutil list -k prints the keytab's keys").build()));
            } else if (WRITE_KEYTAB.contains(request)) {
                // the keys read are written to another file: a copy of secret material
                read.forEach(file -> ops.add(CredentialRecognizer.secretFile(inv, file).toBuilder()
                        .note("copies the keytab's keys to " + operand).build()));
                ops.add(LocalFiles.on(inv, Verb.UPDATE, "keytab", operand).note("writes a keytab").build());
            }
        }
        return ops.isEmpty() ? List.of(LocalFiles.on(inv, Verb.READ, "keytab", read.isEmpty() ? "" : read.getFirst())
                .note("lists a keytab's principals, not its keys").build()) : ops;
    }
}
