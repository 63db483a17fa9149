package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code grafana-cli} (and {@code grafana cli}): it works on the Grafana installed on the machine where it runs.
 * Installing or removing plugins changes that server; {@code admin reset-admin-password} sets the admin's password,
 * a credential; the secrets migrations re-encrypt what the database holds. Listings read.
 */
public final class GrafanaCli implements Recognizer {

    private static final Action PLUGIN = Action.update("plugin", "changes the plugins the Grafana server loads");
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("plugins install", PLUGIN), Map.entry("plugins update", PLUGIN), Map.entry("plugins update-all", PLUGIN),
            Map.entry("plugins remove", PLUGIN), Map.entry("plugins uninstall", PLUGIN),
            Map.entry("admin reset-admin-password", new Action(Verb.CREDENTIAL, "password", Scope.ONE, false, false,
                    "sets the Grafana admin's password")),
            Map.entry("admin data-migration", Action.update("database", "re-encrypts stored data-source passwords")),
            Map.entry("admin secrets-migration", Action.update("database", "re-encrypts the secrets Grafana stores")),
            Map.entry("admin user-manager", Action.update("user", "merges or changes conflicting users")));
    private static final Set<String> VALUED = Set.of("--homepath", "--config", "--pluginsDir", "--pluginUrl", "--repo",
            "--configOverrides", "--password-from-stdin");

    @Override
    public Set<String> programs() {
        return Set.of("grafana-cli", "grafana");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.parse(VALUED).words();
        if (inv.program().equals("grafana")) {
            if (words.isEmpty() || !words.getFirst().equals("cli")) {
                return List.of(LocalFiles.execute(inv, "grafana", "runs a Grafana server on this machine"));
            }
            words = words.subList(1, words.size());
        }
        String sub = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.isEmpty() ? "" : words.getFirst();
        Action row = COMMANDS.getOrDefault(sub, Action.read(words.isEmpty() ? "grafana" : words.getFirst()));
        // the password itself is not a name to show
        String name = row.type().equals("password") ? "admin" : words.size() > 2 ? words.get(2) : "";
        return List.of(LocalFiles.local(inv, row.on("grafana", name, inv), "the Grafana on this machine").build());
    }
}
