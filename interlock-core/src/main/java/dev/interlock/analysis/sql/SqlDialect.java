package dev.interlock.analysis.sql;

import java.util.List;
import java.util.Locale;

/**
 * The lexical rules that decide where a statement ends. They differ between servers in ways an attacker can use: a
 * backslash escapes a quote in MySQL but not in PostgreSQL, {@code --1} is not a comment in MySQL, {@code /*! … *}{@code /}
 * is executed by MySQL, and {@code $$} quotes only in PostgreSQL. When the dialect is unknown, every dialect is tried.
 */
enum SqlDialect {
    POSTGRESQL(false, true, true, false, false, false),
    /** PostgreSQL with standard_conforming_strings off (old servers, some poolers): backslash escapes quotes. */
    POSTGRESQL_BACKSLASH(true, true, true, false, false, false),
    MYSQL(true, false, false, true, true, false),
    /** MySQL with sql_mode NO_BACKSLASH_ESCAPES. */
    MYSQL_NO_BACKSLASH(false, false, false, true, true, false),
    SQLITE(false, false, false, false, true, true);

    final boolean backslashEscapes;
    final boolean dollarQuotes;
    final boolean nestedComments;
    final boolean mysqlComments;
    final boolean backtickIdentifiers;
    final boolean bracketIdentifiers;

    SqlDialect(boolean backslashEscapes, boolean dollarQuotes, boolean nestedComments, boolean mysqlComments,
            boolean backtickIdentifiers, boolean bracketIdentifiers) {
        this.backslashEscapes = backslashEscapes;
        this.dollarQuotes = dollarQuotes;
        this.nestedComments = nestedComments;
        this.mysqlComments = mysqlComments;
        this.backtickIdentifiers = backtickIdentifiers;
        this.bracketIdentifiers = bracketIdentifiers;
    }

    boolean isMysql() {
        return mysqlComments;
    }

    /** The dialects to analyse under; an unknown name means all of them, so no dialect's reading is missed. */
    static List<SqlDialect> forName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            // Each server's settings change its quoting too; both readings are kept (union of operations).
            case "postgresql", "postgres", "pg", "psql", "redshift", "cockroachdb" -> List.of(POSTGRESQL, POSTGRESQL_BACKSLASH);
            case "mysql", "mariadb" -> List.of(MYSQL, MYSQL_NO_BACKSLASH);
            case "sqlite", "sqlite3" -> List.of(SQLITE);
            default -> List.of(values());
        };
    }
}
