package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pyinfra ({@code pyinfra INVENTORY OPERATIONS…}): deploy files and operations ({@code deploy.py},
 * {@code apt.packages nginx}) change the inventory's hosts; {@code --dry} only shows what would change, and
 * {@code fact}, {@code all-facts} and {@code debug-inventory} only look. The inventory's file name
 * ({@code inventories/production.py}) or its hosts name the environment; {@code @local} is this machine.
 * {@code exec -- CMD} is unwrapped before this recognizer (the command is analyzed on the hosts).
 */
public final class Pyinfra implements Recognizer {

    public static final Set<String> VALUED = Set.of("--user", "--port", "--key", "--key-password", "--password",
            "--sudo-user", "--su-user", "--parallel", "--limit", "--data", "--group-data", "--config", "--chdir",
            "--shell-executable", "--retry", "--retry-delay", "--fail-percent", "--ssh-user", "--ssh-port", "--ssh-key",
            "--ssh-key-password", "--ssh-password", "--winrm-username", "--winrm-password", "--winrm-port", "--winrm-transport");
    private static final Set<String> LOOKING = Set.of("fact", "all-facts", "debug-inventory");

    @Override
    public Set<String> programs() {
        return Set.of("pyinfra");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.size() < 2 || p.has("--help", "--version", "--support")) {
            return List.of(Operation.builder("pyinfra", Verb.READ).resource("inventory", words.isEmpty() ? "" : words.getFirst())
                    .evidence(inv.evidence()).environment(Tier.LOCAL, "pyinfra's help or version").build());
        }
        String inventory = words.getFirst();
        String what = String.join(" ", words.subList(1, words.size()));
        Operation.Builder b = Operation.builder("pyinfra", Verb.EXECUTE).resource("deploy", what).evidence(inv.evidence())
                .confidence(Confidence.INFERRED).scope(Scope.MANY);
        if (p.has("--dry") || LOOKING.contains(words.get(1))) {
            b.verb(Verb.READ).note(p.has("--dry") ? "--dry only shows what would change" : "only looks at the hosts");
        } else {
            b.stateful(true).reversible(false).note("runs " + what + " on the hosts of " + inventory + " (its operations are not in view)");
        }
        Map<String, String> where = where(inventory, p.value("--limit"));
        if (where.isEmpty()) {
            return List.of(inv.remote() ? b.build() : b.environment(Tier.LOCAL, "pyinfra @local: this machine").build());
        }
        where.forEach(b::locator);
        return List.of(b.build());
    }

    /**
     * Where a pyinfra run lands: nothing for {@code @local} (this machine), an inventory file's path as a directory
     * (its name says the environment) with its hosts, else the hosts named ({@code --limit} narrows to its hosts).
     */
    public static Map<String, String> where(String inventory, Optional<String> limit) {
        if (inventory.equals("@local")) {
            return Map.of();
        }
        if (inventory.endsWith(".py") || inventory.contains("/") && !inventory.startsWith("@")) {
            return Map.of("directory", inventory, "host", limit.orElse("the hosts of " + inventory));
        }
        return Map.of("host", limit.orElse(inventory));
    }
}
