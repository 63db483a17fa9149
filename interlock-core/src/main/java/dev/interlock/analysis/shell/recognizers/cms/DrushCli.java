package dev.interlock.analysis.shell.recognizers.cms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drupal's {@code drush}, one command table by canonical name ({@code cr} is {@code cache:rebuild}, {@code sql-drop}
 * is {@code sql:drop}). Status, logs and listings read; {@code sql:query} is judged by its SQL, {@code sql:dump}
 * copies the database out, {@code sql:drop} and {@code site:install} wipe it, {@code sql:sync} copies one site's
 * database over another's; {@code php:eval} runs code; {@code user:login} prints a login link. The site is the alias
 * ({@code @shop.prod}), {@code --uri}, or the install in the working directory ({@link SiteTarget}).
 */
final class DrushCli {

    private DrushCli() {
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("st", "status"), Map.entry("ws", "watchdog:show"), Map.entry("wd-show", "watchdog:show"),
            Map.entry("cst", "config:status"), Map.entry("cget", "config:get"), Map.entry("pml", "pm:list"),
            Map.entry("updbst", "updatedb:status"), Map.entry("uinf", "user:information"), Map.entry("sget", "state:get"),
            Map.entry("rq", "core:requirements"), Map.entry("cex", "config:export"), Map.entry("ev", "php:eval"),
            Map.entry("scr", "php:script"), Map.entry("php", "php:cli"), Map.entry("sqlc", "sql:cli"), Map.entry("sqlq", "sql:query"),
            Map.entry("sqlsan", "sql:sanitize"), Map.entry("si", "site:install"), Map.entry("updb", "updatedb"),
            Map.entry("cim", "config:import"), Map.entry("cset", "config:set"), Map.entry("cdel", "config:delete"),
            Map.entry("cr", "cache:rebuild"), Map.entry("rebuild", "cache:rebuild"), Map.entry("cc", "cache:clear"),
            Map.entry("en", "pm:install"), Map.entry("pm:enable", "pm:install"), Map.entry("pmu", "pm:uninstall"),
            Map.entry("ucrt", "user:create"), Map.entry("urol", "user:role:add"), Map.entry("urrol", "user:role:remove"),
            Map.entry("upwd", "user:password"), Map.entry("ucan", "user:cancel"), Map.entry("uli", "user:login"),
            Map.entry("sset", "state:set"), Map.entry("sdel", "state:delete"), Map.entry("edel", "entity:delete"),
            Map.entry("mim", "migrate:import"), Map.entry("mr", "migrate:rollback"), Map.entry("entup", "entity:updates"),
            Map.entry("cron", "core:cron"), Map.entry("rsync", "core:rsync"), Map.entry("sql:conf", "sql:connect"));
    private static final Act COPY = WordPressCli.COPY;
    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "status core:status watchdog:show watchdog:list watchdog:tail config:status config:get pm:list "
                    + "updatedb:status user:information role:list state:get cache:get queue:list views:list core:requirements "
                    + "field:info twig:debug config:export maint:status migrate:status search-api:status", read("site"))
            .add("", "list help version init core:init site:alias site:set generate", local("drush"))
            .add("", "sql:connect", credential("database").note("prints the database's connection string, password included"))
            .add("", "user:login", credential("user").note("prints a one-time login link for the account"))
            .add("", "php:eval php:script php:cli", execute("php").note("runs PHP code inside the site, with its database and credentials"))
            .add("", "sql:dump archive:dump", COPY)
            .add("", "sql:drop", delete("database").all().note("drops every table of the site's database"))
            .add("", "site:install", replace("database").all().note("drops the site's tables and installs it anew"))
            .add("", "archive:restore", replace("database").all().note("restores an archive over the site's code and database"))
            .add("", "sql:sanitize", update("rows").many().losesData().note("overwrites user emails and passwords in the database"))
            .add("", "updatedb entity:updates", update("schema").losesData().note("runs the modules' database updates"))
            .add("", "deploy", update("site").losesData().note("runs database updates, imports configuration and rebuilds caches"))
            .add("", "config:import config:set", update("config"))
            .add("", "config:delete", delete("config"))
            .add("", "cache:rebuild cache:clear cache:set", update("cache"))
            .add("", "pm:install theme:enable theme:install", update("module"))
            .add("", "pm:uninstall theme:uninstall", delete("module").losesData().note("uninstalling a module deletes its data"))
            .add("", "user:create", create("user"))
            .add("", "user:role:add user:role:remove role:perm:add role:perm:remove role:create role:delete", grant("user"))
            .add("", "user:password user:block user:unblock", update("user"))
            .add("", "user:cancel", delete("user"))
            .add("", "state:set state:delete maint:set locale:update locale:import search-api:index core:rsync", update("site"))
            .add("", "core:cron queue:run", execute("cron"))
            .add("", "entity:delete migrate:rollback", delete("content").many())
            .add("", "migrate:import", create("content").many())
            .build();
    private static final Set<String> VALUED = Set.of("--uri", "-l", "--root", "-r", "--name", "--mail", "--password",
            "--format", "--fields", "--count", "--severity", "--type", "--status", "--result-file", "--database", "--target",
            "--extra", "--alias-path", "--config");
    private static final Set<String> ADMIN_ROLES = Set.of("administrator", "admin", "site_admin", "site-admin");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        Optional<String> alias = words.isEmpty() || !words.getFirst().startsWith("@") ? Optional.empty() : Optional.of(words.getFirst());
        List<String> rest = alias.isPresent() ? words.subList(1, words.size()) : words;
        if (rest.isEmpty()) {
            return List.of();
        }
        String command = canonical(rest.getFirst());
        SiteTarget site = site(inv, alias, p);
        if (command.equals("sql:query") && (rest.size() > 1 || inv.stdin().isPresent())) {
            String sql = rest.size() > 1 ? rest.get(1) : inv.stdin().get();
            return site.place(DatabaseOps.statements(sql, DatabaseOps.literal(inv, sql), "", inv, nested), inv);
        }
        if (command.equals("sql:cli") || command.equals("sql:query")) {
            return site.place(List.of(DatabaseOps.session(inv, "")), inv);
        }
        if (command.equals("sql:sync") && rest.size() > 1) {
            // the source's rows are copied, and replace every table of the target's database (this site's by default)
            String target = rest.size() > 2 ? rest.get(2) : "@self";
            Operation copy = site(inv, Optional.of(rest.get(1)), p).place(SiteClis.operation(COPY, inv, "drupal", rest.get(1)), inv);
            Operation over = site(inv, Optional.of(target), p).place(SiteClis.operation(replace("database").all()
                    .note("replaces the database with " + rest.get(1) + "'s"), inv, "drupal", target), inv);
            return List.of(copy, over);
        }
        Act act = TABLE.find(List.of(command)).map(CommandTable.Found::act).orElseGet(() -> CommandTable.guess(command, "site"));
        if (command.equals("user:role:add") && rest.size() > 1 && ADMIN_ROLES.contains(rest.get(1))
                || command.equals("user:create") && p.value("--role").filter(ADMIN_ROLES::contains).isPresent()) {
            act = grant("user").note("gives an account the administrator role: the run of the whole site");
        }
        Operation op = SiteClis.operation(act, inv, "drupal", rest.size() > 1 ? rest.get(1) : "");
        return List.of(site.place(SiteControls.marked(op, "drush", commandWords(command, rest)), inv));
    }

    private static SiteTarget site(Invocation inv, Optional<String> alias, ParsedArgs p) {
        return SiteTarget.of(inv, alias, Optional.empty(), p.value("--uri", "-l"), p.value("--root", "-r"),
                new SiteTarget.Settings(List.of("DB_HOST"), List.of("DB_NAME"), List.of("DATABASE_URL"), List.of()));
    }

    /** The command in its canonical spelling: an alias resolved, drush 8's hyphens ({@code sql-drop}) as colons. */
    private static String canonical(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String named = ALIASES.get(w);
        if (named != null) {
            return named;
        }
        if (TABLE.find(List.of(w)).isEmpty() && w.contains("-")) {
            String colons = w.replaceFirst("-", ":");
            return ALIASES.getOrDefault(colons, colons);
        }
        return w;
    }

    /** {@code pm:uninstall tfa} as words for {@link SiteControls}: the command's parts, then its operands. */
    private static List<String> commandWords(String command, List<String> rest) {
        List<String> out = new java.util.ArrayList<>(List.of(command.split(":")));
        out.addAll(rest.subList(1, rest.size()));
        return out;
    }
}
