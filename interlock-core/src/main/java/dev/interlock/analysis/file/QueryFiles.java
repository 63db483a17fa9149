package dev.interlock.analysis.file;

import java.util.regex.Pattern;

/**
 * SQL files that define an application's queries rather than run them: sqlc's annotated queries
 * ({@code -- name: DeleteInvoice :exec}) are compiled into code that runs one of them when the application calls it, so
 * writing one runs nothing. A file under a migration tool's directory is still a migration, whatever its comments say.
 */
final class QueryFiles {

    /** sqlc's annotation: a query's name and what its generated function returns. */
    private static final Pattern SQLC_QUERY = Pattern.compile(
            "(?m)^\\s*--\\s*name:\\s*\\w+\\s+:(?:exec|execrows|execresult|execlastid|one|many|copyfrom|batchexec|batchone|batchmany)\\b");
    private static final Pattern MIGRATION_PATH = Pattern.compile("(?i)migrat|flyway|liquibase|changelog|changeset|/schema/");

    private QueryFiles() {
    }

    /** Whether the SQL {@code content} of the file at {@code path} defines named queries instead of statements to run. */
    static boolean definesQueries(String path, String content) {
        return content.contains("name:") && !MIGRATION_PATH.matcher(path).find() && SQLC_QUERY.matcher(content).find();
    }
}
