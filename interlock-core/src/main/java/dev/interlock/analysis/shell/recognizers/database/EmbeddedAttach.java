package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an embedded engine (sqlite3, duckdb) reaches beyond its own file. DuckDB's {@code ATTACH 'host=… dbname=…' AS p
 * (TYPE postgres)} opens a live server database under an alias: statements on {@code p.…} act on that server, not on
 * the local file. And a {@code COPY … TO}/{@code VACUUM INTO} file of a local database into the workspace is a local
 * write, not data leaving the machine.
 */
final class EmbeddedAttach {
    private EmbeddedAttach() {}

    private static final Pattern ATTACH = Pattern.compile(
            "(?i)\\bATTACH\\s+(?:DATABASE\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?'([^']*)'\\s+AS\\s+\"?(\\w+)\"?\\s*(\\([^)]*\\))?");
    private static final Pattern SERVER_TYPE = Pattern.compile("(?i)\\bTYPE\\s+(postgres|postgresql|mysql)\\b");
    private static final Pattern SERVER_URL = Pattern.compile("(?i)^(?:postgres(?:ql)?|mysql|md|motherduck):.*");

    /** A server database attached under an alias. */
    record Attached(String alias, String dsn, DatabaseTarget target) {}

    /** The server databases attached in the text. */
    static List<Attached> servers(String text) {
        List<Attached> out = new ArrayList<>();
        Matcher m = ATTACH.matcher(text);
        while (m.find()) {
            String dsn = m.group(1);
            if (m.group(3) != null && SERVER_TYPE.matcher(m.group(3)).find() || SERVER_URL.matcher(dsn).matches()) {
                DatabaseTarget target = DatabaseTarget.fromUrl(Regex.replaceFirst(dsn, "(?i)^(?:postgres|mysql):(?!//)", ""));
                // a server we cannot name is still a server: its environment is unknown, not the local file's
                out.add(new Attached(m.group(2).toLowerCase(Locale.ROOT), dsn,
                        target.host().isEmpty() ? target.withHost("attached-server").withUncertain(true) : target));
            }
        }
        return out;
    }

    /** The server an operation acts on: it names an attached alias ({@code p.public.carts}) or is the ATTACH itself. */
    static Optional<Attached> serverOf(Operation op, List<Attached> servers) {
        String name = op.resource().name().toLowerCase(Locale.ROOT);
        return servers.stream().filter(a -> name.startsWith(a.alias() + ".") || name.equals(a.alias())
                || op.resource().name().equals(a.dsn())).findFirst();
    }

    /** Places an operation on an attached server; the ATTACH itself only opens a connection. */
    static Operation onServer(Operation op, Attached server, Invocation inv) {
        Operation placed = server.target().applyTo(op, inv);
        return op.resource().name().equals(server.dsn()) && op.verb() == Verb.CREATE
                ? placed.toBuilder().verb(Verb.READ).note("attaches a server database").build() : placed;
    }

    /** A file written from a local embedded database into the workspace or temp: a local write, not data leaving. */
    static Operation keptLocal(Operation op, Invocation inv) {
        if (op.verb() != Verb.TRANSFER || !op.resource().type().equals("file")) {
            return op;
        }
        String path = op.resource().locator("path");
        if (path.isEmpty() || path.contains("://") || path.contains("$")) {
            return op;
        }
        Workspace.Area area = inv.workspace().area(path);
        if (area != Workspace.Area.WORKSPACE && area != Workspace.Area.TEMP) {
            return op;
        }
        return op.toBuilder().verb(Verb.CREATE).reversible(true)
                .note("writes a local database's rows to a file in the workspace").build();
    }
}
