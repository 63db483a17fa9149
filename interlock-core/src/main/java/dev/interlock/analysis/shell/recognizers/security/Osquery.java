package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * osquery: {@code osqueryi} answers SQL over virtual tables of the host's state, so a query only looks (a read in
 * production too), except the tables that hold secrets in clear (process and container environments, shell
 * history). A statement that writes or attaches is run as written. {@code osqueryctl} starts and stops the agent.
 */
final class Osquery {

    static final Set<String> PROGRAMS = Set.of("osqueryi", "osqueryctl");
    /** Tables whose rows are secrets: environment variables (tokens, keys) and typed commands (passwords on command lines). */
    private static final Set<String> SECRET_TABLES = Set.of("process_envs", "docker_container_envs", "shell_history");
    /** Statements that change a table or attach a database file, rather than query. */
    private static final String WRITES = "(?is)\\s*(insert|update|delete|replace|attach|detach|create|drop|alter)\\b.*";
    private static final Set<String> CTL_READS = Set.of("status", "config-check", "help", "--help", "-h");

    private Osquery() {
    }

    /** The table holding secrets in clear that {@code sql} reads, if any. */
    static Optional<String> secretTable(String sql) {
        String text = sql.toLowerCase(Locale.ROOT);
        return SECRET_TABLES.stream().filter(t -> text.contains(t) && Regex.matches(text, "(?s).*\\b" + t + "\\b.*")).findFirst();
    }

    /** Whether {@code sql} writes or attaches rather than queries. */
    static boolean writes(String sql) {
        return Regex.matches(sql, WRITES);
    }

    static List<Operation> recognize(Invocation inv) {
        if (inv.program().equals("osqueryctl")) {
            String action = inv.words().isEmpty() ? "help" : inv.words().getFirst();
            Operation.Builder b = Operation.builder("service", CTL_READS.contains(action) ? Verb.READ : Verb.UPDATE)
                    .resource("service", "osqueryd").evidence(inv.evidence()).note("osqueryctl " + action + " the osquery agent");
            return List.of(LocalFiles.local(inv, b, "a service on this machine").build());
        }
        // osquery's tables are views of the host's state; a statement that writes or attaches is not a plain query
        Optional<String> writes = inv.words().stream().filter(w -> Regex.matches(w, WRITES)).findFirst()
                .or(() -> inv.stdin().filter(s -> Regex.matches(s, WRITES)));
        if (writes.isPresent()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "osqueryi runs a statement that is not a query"));
        }
        Optional<String> query = inv.words().stream().filter(w -> !w.startsWith("-")).reduce((a, b) -> a + " " + b)
                .or(inv::stdin);
        Optional<String> secret = secretTable(query.orElse(""));
        Operation.Builder b = Operation.builder("os", secret.isPresent() ? Verb.CREDENTIAL : Verb.READ)
                .resource("osquery-table", secret.orElse("")).confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(secret.map(t -> "osqueryi reads " + t + ", which holds secrets in clear")
                        .orElse("osqueryi queries the host's state: it only reads"));
        return List.of(LocalFiles.local(inv, b, "this machine's state").build());
    }
}
