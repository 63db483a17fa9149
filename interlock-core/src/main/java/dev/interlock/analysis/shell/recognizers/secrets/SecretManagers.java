package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hosted secret managers and password managers driven by their CLIs (Doppler, Infisical, Bitwarden and its Secrets
 * Manager, LastPass, chamber, Akeyless, Berglas): one row per program — the words that print secret values are
 * {@code credential}, writing and deleting secrets are changes, listing names is a read. A subcommand the row does
 * not know is read the stricter way ({@code credential}). Running a command with injected secrets ({@code doppler run
 * -- …}) is a wrapper: the command is judged, in the environment the injector names.
 */
final class SecretManagers {

    private SecretManagers() {
    }

    /**
     * @param system  the operation's system
     * @param verbs   subcommand (one or two words) → verb
     * @param valued  flags that take a value (so that their value is not mistaken for a subcommand)
     * @param where   flags naming the config or environment whose secrets are read
     */
    private record Row(String system, Map<String, Verb> verbs, Set<String> valued, List<String> where) {
    }

    /** Flags that reduce a listing to the secrets' names ({@code doppler secrets --only-names}). */
    private static final Set<String> NAMES_ONLY = Set.of("--only-names");

    private static final Verb C = Verb.CREDENTIAL;
    private static final Verb R = Verb.READ;
    private static final Verb U = Verb.UPDATE;
    private static final Verb D = Verb.DELETE;

    static final Map<String, Row> ROWS = Map.of(
            "doppler", new Row("doppler", Map.ofEntries(
                    Map.entry("secrets", C), Map.entry("secrets get", C), Map.entry("secrets download", C),
                    Map.entry("secrets substitute", C), Map.entry("secrets names", R), Map.entry("secrets set", U),
                    Map.entry("secrets upload", U), Map.entry("secrets delete", D), Map.entry("login", C),
                    Map.entry("me", R), Map.entry("projects", R), Map.entry("projects get", R), Map.entry("configs", R),
                    Map.entry("environments", R), Map.entry("activity", R), Map.entry("setup", U),
                    Map.entry("projects delete", D), Map.entry("configs delete", D), Map.entry("environments delete", D),
                    Map.entry("configs tokens create", C), Map.entry("help", R)),
                    Set.of("-p", "--project", "-c", "--config", "--token", "--format", "--scope"), List.of("-c", "--config")),
            "infisical", new Row("infisical", Map.ofEntries(
                    Map.entry("secrets", C), Map.entry("secrets get", C), Map.entry("export", C), Map.entry("login", C),
                    Map.entry("secrets set", U), Map.entry("secrets delete", D), Map.entry("init", U), Map.entry("user", R),
                    Map.entry("scan", R), Map.entry("vault", R), Map.entry("secrets folders get", R),
                    Map.entry("help", R)),
                    Set.of("--env", "--projectId", "--path", "--token", "--format", "--domain"), List.of("--env")),
            "bw", new Row("bitwarden", Map.ofEntries(
                    Map.entry("get", C), Map.entry("list items", C), Map.entry("list", R), Map.entry("export", C),
                    Map.entry("unlock", C), Map.entry("login", C), Map.entry("create", U), Map.entry("edit", U),
                    Map.entry("delete", D), Map.entry("status", R), Map.entry("sync", R), Map.entry("lock", R),
                    Map.entry("logout", R), Map.entry("generate", R), Map.entry("config", U)),
                    Set.of("--session", "--search", "--folderid", "--collectionid", "--organizationid", "--format", "--output"), List.of()),
            "bws", new Row("bitwarden", Map.ofEntries(
                    Map.entry("secret get", C), Map.entry("secret list", C), Map.entry("secret create", U),
                    Map.entry("secret edit", U), Map.entry("secret delete", D), Map.entry("project list", R),
                    Map.entry("project get", R), Map.entry("project delete", D)),
                    Set.of("-t", "--access-token", "-o", "--output", "--server-url"), List.of()),
            "lpass", new Row("lastpass", Map.ofEntries(
                    Map.entry("show", C), Map.entry("export", C), Map.entry("login", C), Map.entry("ls", R),
                    Map.entry("status", R), Map.entry("sync", R), Map.entry("logout", R), Map.entry("add", U),
                    Map.entry("edit", U), Map.entry("mv", U), Map.entry("generate", U), Map.entry("duplicate", U),
                    Map.entry("rm", D)),
                    Set.of("--color", "--sync", "--field", "--basic-regexp"), List.of()),
            "chamber", new Row("chamber", Map.ofEntries(
                    Map.entry("read", C), Map.entry("export", C), Map.entry("env", C), Map.entry("list", R),
                    Map.entry("list-services", R), Map.entry("history", R), Map.entry("find", R), Map.entry("version", R),
                    Map.entry("write", U), Map.entry("import", U), Map.entry("delete", D)),
                    Set.of("-b", "--backend", "-r", "--retries", "--kms-key-alias", "-f", "--format", "-o", "--output-file"), List.of()),
            "akeyless", new Row("akeyless", Map.ofEntries(
                    Map.entry("get-secret-value", C), Map.entry("get-dynamic-secret-value", C),
                    Map.entry("get-rotated-secret-value", C), Map.entry("auth", C), Map.entry("list-items", R),
                    Map.entry("describe-item", R), Map.entry("create-secret", U), Map.entry("update-secret-val", U),
                    Map.entry("delete-item", D), Map.entry("delete-items", D)),
                    Set.of("--name", "--profile", "--token"), List.of()),
            "berglas", new Row("berglas", Map.ofEntries(
                    Map.entry("access", C), Map.entry("list", R), Map.entry("create", U), Map.entry("update", U),
                    Map.entry("grant", Verb.GRANT), Map.entry("revoke", Verb.GRANT), Map.entry("delete", D),
                    Map.entry("version", R)),
                    Set.of("--key", "--project"), List.of()));

    static Set<String> programs() {
        return ROWS.keySet();
    }

    static List<Operation> recognize(Invocation inv) {
        Row row = ROWS.get(inv.program());
        ParsedArgs p = inv.parse(row.valued());
        List<String> words = p.words();
        int used = used(row.verbs(), words);
        Verb verb = used == 0 ? (words.isEmpty() ? R : C) : row.verbs().get(String.join(" ", words.subList(0, used)));
        if (verb == C && NAMES_ONLY.stream().anyMatch(p::has)) {
            verb = R;
        }
        String name = words.size() > used ? words.get(used) : "";
        Operation.Builder b = Operation.builder(row.system(), verb).resource("secret", name).evidence(inv.evidence());
        Optional<String> where = row.where().isEmpty() ? Optional.empty() : p.value(row.where().toArray(String[]::new));
        where.ifPresent(w -> b.locator("environment", w));
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).note("deletes secrets in " + row.system());
        } else if (verb == Verb.CREDENTIAL) {
            b.note("prints secret values from " + row.system());
        }
        return List.of(b.build());
    }

    /** How many leading words name the subcommand: the longest prefix (up to three words) the row knows. */
    static int used(Map<String, Verb> verbs, List<String> words) {
        for (int n = Math.min(3, words.size()); n > 0; n--) {
            if (verbs.containsKey(String.join(" ", words.subList(0, n)))) {
                return n;
            }
        }
        return 0;
    }
}
