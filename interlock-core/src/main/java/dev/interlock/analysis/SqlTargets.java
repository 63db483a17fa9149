package dev.interlock.analysis;

import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Connection strings ({@code postgres://db.prod.internal/app}) name the database host and database of SQL operations. */
public final class SqlTargets {

    private SqlTargets() {
    }

    /** Adds {@code host} and {@code database} locators from {@code target} to operations that do not have them. */
    public static List<Operation> locate(List<Operation> ops, String target) {
        if (target.isBlank()) {
            return ops;
        }
        DatabaseTarget parsed = DatabaseTarget.fromUrl(target);
        Optional<String> file = databaseFile(target.strip(), parsed);
        if (file.isPresent()) {
            return onFile(ops, file.get());
        }
        // A bare host name ("db.prod.internal") is not a URL; it still names the host.
        String host = parsed.host().isEmpty() && parsed.database().isEmpty() ? target.strip() : parsed.host();
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            Operation.Builder b = op.toBuilder();
            if (op.resource().locator("host").isEmpty()) {
                b.locator("host", host);
            }
            if (op.resource().locator("database").isEmpty()) {
                b.locator("database", parsed.database());
            }
            out.add(b.build());
        }
        return out;
    }

    /** A path: absolute, below the home directory or the working directory, or a Windows drive's. */
    private static final Pattern FILE_PATH = Pattern.compile("(/|~/|\\./|\\.\\./|[A-Za-z]:[\\\\/]).*");
    /** The home directories whose owner's name ({@code /home/dev}, {@code /Users/prod-ops}) says nothing of a tier. */
    private static final Pattern HOME = Pattern.compile("(?i)(/home/[^/]+|/Users/[^/]+|/root|~|[A-Z]:[\\\\/]Users[\\\\/][^\\\\/]+)(?=[\\\\/]|$)");

    /**
     * The file an SQLite-style database is ({@code context.database: /home/dev/.config/google-chrome/Default/Cookies},
     * {@code sqlite:///var/lib/app/app.db}, a bare path as the target), when there is no server at all.
     */
    private static Optional<String> databaseFile(String target, DatabaseTarget parsed) {
        if (FILE_PATH.matcher(target).matches()) {
            return Optional.of(target);
        }
        boolean serverless = parsed.host().isEmpty() || target.regionMatches(true, 0, "sqlite", 0, 6) || target.startsWith("file:");
        String database = parsed.database();
        return serverless && (FILE_PATH.matcher(database).matches() || dev.interlock.environment.DataFiles.holdsData(database))
                ? Optional.of(database) : Optional.empty();
    }

    /**
     * A database that is a file is on this machine: local, with the file named below the home directory as {@code ~/…}
     * (the account's name is no tier). A path outside the home directory that names production or staging
     * ({@code /srv/prod/app.db}) is left to the inventory; a request that declares the machine's environment still decides.
     */
    private static List<Operation> onFile(List<Operation> ops, String file) {
        java.util.regex.Matcher home = HOME.matcher(file);
        boolean inHome = home.lookingAt();
        String named = inHome ? "~" + file.substring(home.end()) : file;
        boolean tierNamed = !inHome && dev.interlock.analysis.shell.recognizers.DeploymentWords.tierWordIn(file).isPresent();
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            Operation.Builder b = op.toBuilder().locator("path", file);
            if (op.resource().locator("database").isEmpty()) {
                b.locator("database", named);
            }
            if (!tierNamed) {
                b.environment(Tier.LOCAL, "the database is a file on this machine (" + named + ")");
            }
            out.add(b.build());
        }
        // macOS's privacy database is a file too, but its rows are a security control's settings
        return dev.interlock.analysis.shell.recognizers.controls.PrivacyDatabases.mark(out, file);
    }

    /** {@code postgres://} → postgresql, {@code mysql://} → mysql, {@code sqlite:} → sqlite, else "". */
    public static String dialectOf(String target) {
        String t = target.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("postgres")) {
            return "postgresql";
        }
        if (t.startsWith("mysql") || t.startsWith("mariadb")) {
            return "mysql";
        }
        if (t.startsWith("sqlite")) {
            return "sqlite";
        }
        return "";
    }
}
