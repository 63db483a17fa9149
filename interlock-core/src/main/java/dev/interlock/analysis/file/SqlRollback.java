package dev.interlock.analysis.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rollback part of a SQL migration, which runs only when the migration is reverted (its own, separately judged
 * action) and so is not what applying it does: goose's {@code -- +goose Down}, sql-migrate's {@code -- +migrate Down}
 * and dbmate's {@code -- migrate:down} sections, and whole rollback files (golang-migrate and sqlx {@code *.down.sql},
 * Diesel's {@code down.sql}, sqitch's {@code revert/} scripts, Flyway's {@code U<version>__} undo migrations).
 */
final class SqlRollback {

    private static final Pattern ROLLBACK_FILE = Pattern.compile(
            "(?i)(?:.*[/.])?down\\.sql|(?:.*/)?revert/[^/]+\\.sql|(?:.*/)?U\\d+(?:[._]\\d+)*__[^/]*\\.sql");
    private static final Pattern DOWN = Pattern.compile("(?im)^[ \\t]*--[ \\t]*(?:\\+goose[ \\t]+down|\\+migrate[ \\t]+down|migrate:down)\\b.*$");
    private static final Pattern UP = Pattern.compile("(?im)^[ \\t]*--[ \\t]*(?:\\+goose[ \\t]+up|\\+migrate[ \\t]+up|migrate:up)\\b.*$");

    private SqlRollback() {
    }

    /** The SQL that runs when the migration at {@code path} is applied. */
    static String applied(String path, String content) {
        if (ROLLBACK_FILE.matcher(path).matches()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher down = DOWN.matcher(content);
        while (at < content.length() && down.find(at)) {
            out.append(content, at, down.start());
            Matcher up = UP.matcher(content);
            at = up.find(down.end()) ? up.start() : content.length();
        }
        return out.append(content.substring(Math.min(at, content.length()))).toString();
    }
}
