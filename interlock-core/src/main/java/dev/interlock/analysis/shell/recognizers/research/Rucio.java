package dev.interlock.analysis.shell.recognizers.research;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Rucio's clients, {@code rucio} and {@code rucio-admin}, in the classic ({@code list-dids}, {@code add-rule}) and the
 * newer noun-verb spelling ({@code did list}, {@code rule add}). Listings, {@code stat}, {@code get-metadata},
 * {@code whoami} and {@code download} read; uploads, datasets, attachments and rules change the namespace;
 * {@code erase} and {@code delete-rule} ({@code --purge-replicas}: the replicas go too; {@code --all}: every rule)
 * delete. {@code rucio-admin}'s account attributes and identities are grants ({@code --key admin} or any attribute on
 * the caller's own {@code RUCIO_ACCOUNT}: an escalation). Where: {@code -H/--host}, else {@code RUCIO_HOST}.
 */
final class Rucio {

    private Rucio() {
    }

    private static final Placement SERVER = Placement.of("host", "-H", "--host").orVariables("RUCIO_HOST");

    private static final Set<String> VALUED = Set.of("-H", "--host", "--auth-host", "-a", "--account", "-S",
            "--auth-strategy", "-T", "--timeout", "--vo", "--user-agent", "--rse", "--rses", "--scope", "--lifetime",
            "--dir", "--nrandom", "--filter", "--key", "--value", "--type", "--expression", "--grouping", "--weight",
            "--comment", "--activity", "--source-replica-expression", "--notify", "--name", "--guid", "--pfn",
            "--protocol", "--ndownloader", "--transfer-timeout", "--email", "--bytes", "--files", "--reason", "--expires",
            "--subscription-id", "--pattern", "--did", "--dids", "--limit", "--copies", "--rse-expression",
            "--account-name", "--identity", "--auth_type", "--auth-type", "--id", "--issuer", "--lfns", "--to", "--from",
            "--metalink", "--protocol-domain", "--replica-sort", "--rule-id", "--state", "-o", "--output");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "whoami ping list-dids list-dids-extended list-files list-content list-content-history list-parent-dids "
                    + "list-scopes list-rses list-rse-attributes list-rse-usage list-account-limits list-account-usage "
                    + "list-file-replicas list-dataset-replicas list-datasets-rse list-rules list-rules-history "
                    + "list-subscriptions list-lifetime-exceptions get-metadata stat rule-info test-server download", read("did"))
            .add("", "upload add-dataset add-container attach set-metadata touch", create("did"))
            .add("", "detach close reopen delete-metadata update-rule move-rule add-lifetime-exception", update("did"))
            .add("", "add-rule", create("rule").note("replicates the data to the RSEs the expression names"))
            .add("", "delete-rule", delete("rule").note("removes the rule: replicas no other rule protects are deleted"))
            .add("", "erase", delete("did").losesData().note("marks the data for deletion from every RSE"))
            .add("did", "list show content history", read("did"))
            .add("did", "add update attach detach metadata", update("did"))
            .add("did", "remove", delete("did").losesData())
            .add("rule", "list show history", read("rule"))
            .add("rule", "add update move", create("rule"))
            .add("rule", "remove", delete("rule"))
            .add("replica", "list", read("replica"))
            .add("replica", "remove", delete("replica"))
            .add("rse", "list show usage", read("rse"))
            .add("account", "list show info list-attributes get-limits list-identities list-limits", read("account"))
            .add("account", "add update ban unban set-limits", update("account"))
            .add("account", "delete", delete("account"))
            .add("account", "add-attribute delete-attribute", grant("account").note("account attributes decide what it may do"))
            .add("account attribute", "add remove", grant("account").note("account attributes decide what it may do"))
            .add("identity", "list", read("identity"))
            .add("identity", "add delete", grant("identity").note("maps a certificate or token identity onto the account"))
            .add("scope", "list", read("scope"))
            .add("scope", "add", create("scope"))
            .add("rse", "info get-attribute get-distance get-limits info-protocol list-protocols", read("rse"))
            .add("rse", "add update set-attribute delete-attribute add-distance update-distance set-limits add-protocol "
                    + "delete-protocol", update("rse"))
            .add("rse", "delete", delete("rse").losesData())
            .add("config", "get", read("configuration"))
            .add("config", "set delete", update("configuration"))
            .add("subscription", "list get", read("subscription"))
            .add("subscription", "add update", update("subscription"))
            .add("replicas", "list-suspicious", read("replica"))
            .add("replicas", "declare-bad declare-temporary-unavailable quarantine set-tombstone", delete("replica"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "did");
        CommandTable.Act act = found.act();
        String name = found.name(words);
        if (act.verb() == Verb.DELETE && p.has("--purge-replicas")) {
            act = act.losesData().note("deletes the replicas the rule protected");
        }
        if (act.verb() == Verb.DELETE && p.has("--all")) {
            act = act.all();
        }
        if (p.has("--dry-run")) {
            act = read(act.type()).note("only shows what it would do");
        }
        if (act.verb() == Verb.GRANT && act.type().equals("account")) {
            String own = p.value("-a", "--account").or(() -> java.util.Optional.ofNullable(inv.env().get("RUCIO_ACCOUNT"))).orElse("");
            String target = words.isEmpty() ? "" : words.getLast();
            boolean admin = p.value("--key").filter(k -> k.equalsIgnoreCase("admin")).isPresent();
            if (!own.isEmpty() && target.equals(own)) {
                act = new CommandTable.Act(Verb.ESCALATE, "account", false, false, Scope.ONE,
                        "changes the caller's own account's attributes" + (admin ? ": makes it an administrator" : ""));
            } else if (admin) {
                act = act.note("makes the account a Rucio administrator");
            }
        }
        return GridPlacement.place(inv, p, act, "rucio", name, SERVER, "");
    }
}
