package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Application frameworks' own MCP servers. Prisma's ({@code prisma mcp}) runs the Prisma CLI in the project, so each
 * tool is judged as that command line, placed by the {@code DATABASE_URL} the request carries (a reset of a database on
 * localhost is a local sandbox, of an unnamed one held). Laravel Boost's {@code database-query} carries SQL, judged by
 * the SQL analysis; {@code tinker} runs PHP in the application; its other tools read.
 */
final class FrameworkTools {

    private FrameworkTools() {
    }

    /** {@code projectCWD} names the project the CLI runs in; the request's own cwd when absent. */
    private static Function<McpCall, List<Operation>> prisma(String command) {
        return c -> {
            String dir = c.text("projectCWD", "cwd");
            String name = c.text("name");
            String line = command + (name.isEmpty() ? "" : " --name " + quote(name));
            return c.analyses().shell(dir.isEmpty() ? line : "cd " + quote(dir) + " && " + line).stream()
                    .filter(op -> !op.resource().name().equals("cd")).toList();
        };
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static final ToolFamily PRISMA = new ToolFamily("prisma",
            c -> c.server().toLowerCase(Locale.ROOT).contains("prisma"),
            Map.ofEntries(
                    Map.entry("migrate-status", prisma("prisma migrate status")),
                    Map.entry("migrate-dev", prisma("prisma migrate dev")),
                    // the server passes --force: no prompt stops the reset
                    Map.entry("migrate-reset", prisma("prisma migrate reset --force")),
                    Map.entry("Prisma-Studio", prisma("prisma studio")),
                    Map.entry("Prisma-Postgres-account-status", c -> List.of(c.op("prisma", Verb.READ, "account", "prisma-postgres")
                            .note("shows the Prisma Data Platform login").build())),
                    Map.entry("Create-Prisma-Postgres-Database", c -> List.of(c.op("database", Verb.CREATE, "database",
                            c.text("name")).locator("region", c.text("region")).note("creates a hosted Prisma Postgres database").build()))));

    private static final Function<McpCall, List<Operation>> BOOST_READ = c -> List.of(
            c.op("laravel", Verb.READ, "application", c.server() + "." + c.tool()).build());

    static final ToolFamily LARAVEL_BOOST = new ToolFamily("laravel-boost",
            c -> c.server().toLowerCase(Locale.ROOT).contains("laravel") || c.server().toLowerCase(Locale.ROOT).contains("boost"),
            Map.ofEntries(
                    Map.entry("database-query", c -> {
                        String sql = c.text("query", "sql");
                        return sql.isEmpty() ? List.of(c.opaque("database-query called without a query")) : c.analyses().sql(sql, "");
                    }),
                    Map.entry("tinker", c -> List.of(c.op("process", Verb.EXECUTE, "application", c.server() + ".tinker")
                            .note("runs PHP code inside the application, with its database and credentials").build())),
                    Map.entry("database-schema", BOOST_READ), Map.entry("database-connections", BOOST_READ),
                    Map.entry("list-routes", BOOST_READ), Map.entry("read-log-entries", BOOST_READ), Map.entry("last-error", BOOST_READ),
                    Map.entry("browser-logs", BOOST_READ), Map.entry("application-info", BOOST_READ),
                    Map.entry("list-artisan-commands", BOOST_READ), Map.entry("get-config", BOOST_READ),
                    Map.entry("list-available-config-keys", BOOST_READ), Map.entry("list-available-env-vars", BOOST_READ),
                    Map.entry("get-absolute-url", BOOST_READ), Map.entry("search-docs", BOOST_READ)));
}
