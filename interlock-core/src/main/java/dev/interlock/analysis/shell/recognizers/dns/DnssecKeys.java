package dev.interlock.analysis.shell.recognizers.dns;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name servers' zone and key tools that talk to the server's own backend: PowerDNS's {@code pdnsutil} and Knot's
 * {@code keymgr}. Listing and checking zones, and the public half of keys ({@code export-zone-dnskey}, {@code ds}),
 * only look. A zone's private signing key ({@code export-zone-key}) and TSIG secrets ({@code list-tsig-keys},
 * {@code generate-tsig-key}, {@code keymgr -t}) are credentials, wherever the output goes. Deleting a zone or a key
 * takes it away; anything else changes what the server serves.
 */
public final class DnssecKeys implements Recognizer {

    private static final CommandTable PDNSUTIL = CommandTable.builder()
            .add("", "list-zone list-all-zones list-keys show-zone check-zone check-all-zones export-zone-dnskey export-zone-ds "
                    + "get-meta list-member-zones list-networks list-views list-view test-schema test-algorithms test-algorithm "
                    + "test-speed bench-db hash-zone-record hash-password list-autoprimaries list-catalog zone-list zone-show "
                    + "zone-check --help help --version", CommandTable.read("zone"))
            .add("", "export-zone-key export-zone-key-pem list-tsig-keys generate-tsig-key tsig-key-list tsig-key-generate "
                    + "zone-key-export", CommandTable.credential("dnssec-key")
                    .note("prints a private DNSSEC or TSIG key: whoever holds it can sign for the zone"))
            .add("", "delete-zone remove-zone-key delete-tsig-key delete-rrset disable-dnssec unset-presigned zone-delete",
                    CommandTable.delete("zone"))
            .add("", "create-zone create-secondary-zone add-record replace-rrset edit-zone rectify-zone rectify-all-zones "
                    + "secure-zone secure-all-zones set-nsec3 unset-nsec3 set-meta add-meta activate-zone-key deactivate-zone-key "
                    + "add-zone-key import-zone-key import-tsig-key activate-tsig-key deactivate-tsig-key increase-serial "
                    + "set-kind set-account set-presigned set-publish-cdnskey set-publish-cds load-zone change-secondary-zone-primary "
                    + "publish-zone-key unpublish-zone-key set-catalog set-option add-autoprimary remove-autoprimary",
                    CommandTable.update("zone"))
            .build();
    private static final CommandTable KEYMGR = CommandTable.builder()
            .add("", "list ds dnskey -l --list -h --help -V --version", CommandTable.read("zone"))
            .add("", "delete del-all-old", CommandTable.delete("dnssec-key"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("pdnsutil", "keymgr");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("--config-dir", "--config-name", "-c", "--config", "-C", "--confdb", "-D", "--dir",
                "-t", "--tsig", "-T", "--tsig-dump"));
        List<String> words = p.words();
        String zone;
        CommandTable.Act act;
        if (inv.program().equals("pdnsutil")) {
            act = words.isEmpty() ? CommandTable.read("zone")
                    : PDNSUTIL.find(words.subList(0, Math.min(1, words.size()))).map(CommandTable.Found::act)
                            .orElse(CommandTable.update("zone"));
            zone = words.size() > 1 ? words.get(1) : "";
        } else if (p.has("-t", "--tsig", "-T", "--tsig-dump")) {
            act = CommandTable.credential("tsig-key").note("keymgr -t prints a TSIG secret");
            zone = p.value("-t", "--tsig", "-T", "--tsig-dump").orElse("");
        } else {
            // keymgr ZONE COMMAND …
            zone = words.isEmpty() ? "" : words.getFirst();
            String command = words.size() > 1 ? words.get(1) : inv.words().isEmpty() ? "" : inv.words().getFirst();
            act = command.isEmpty() ? CommandTable.read("zone")
                    : KEYMGR.find(List.of(command)).map(CommandTable.Found::act).orElse(CommandTable.update("dnssec-key"));
        }
        Operation op = act.placed(inv, "dns", zone, Map.of(), Tier.UNKNOWN, "");
        return List.of(LocalFiles.local(inv, op.toBuilder(), "the name server on this machine").build());
    }
}
