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
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WP-CLI's {@code wp}, one command table. Listings, gets and checks read; plugin, theme, core, option, user and content
 * commands change the site; {@code eval}, {@code eval-file} and {@code shell} run PHP inside it; {@code db export} copies
 * its database out, {@code db query} is judged by its SQL, {@code db reset|drop|clean} tear it down;
 * {@code search-replace} rewrites rows unless {@code --dry-run}; WooCommerce's {@code wc} commands are {@link WooCommerceCli}'s. The site is the alias ({@code @prod}), {@code --ssh},
 * {@code --url}, Bedrock's {@code WP_ENV}/{@code DB_HOST}/{@code DATABASE_URL}, or the install in the working directory.
 */
final class WordPressCli {

    private WordPressCli() {
    }

    static final Act COPY = new Act(Verb.READ, "database", false, false, Scope.ALL, "copies the site's database out of it");
    private static final Act CODE = execute("php").note("runs PHP code inside the site, with its database and credentials");
    private static final Act TEARDOWN = delete("database").all().note("drops every table of the site's database");
    private static final CommandTable TABLE = CommandTable.builder()
            .add("plugin", "list get status search is-installed is-active path verify-checksums", read("plugin"))
            .add("theme", "list get status search is-installed is-active path", read("theme"))
            .add("plugin auto-updates", "status", read("plugin"))
            .add("theme auto-updates", "status", read("theme"))
            .add("core", "version verify-checksums check-update is-installed", read("core"))
            .add("option", "get list pluck", read("option"))
            // the site's accounts: names, emails, roles (a store's customers among them)
            .add("user", "list get", read(DatabaseOps.CUSTOMER_RECORDS).note("prints the site's user accounts: names and emails"))
            .add("user", "list-caps exists", read("user"))
            .add("user meta", "list get pluck", read("user"))
            .add("user session", "list", read("user"))
            .add("user application-password", "list get exists record-usage", read("user"))
            .add("super-admin", "list", read("user"))
            .add("post", "list get exists url", read("post"))
            .add("post meta", "list get pluck", read("post"))
            .add("post-type", "list get", read("post-type"))
            .add("taxonomy", "list get", read("taxonomy"))
            .add("term", "list get", read("term"))
            .add("term meta", "list get", read("term"))
            .add("comment", "list get count exists", read("comment"))
            .add("cron event", "list", read("cron"))
            .add("cron schedule", "list", read("cron"))
            .add("cron", "test", read("cron"))
            .add("db", "size tables columns check prefix search", read("database"))
            .add("config", "get list path has is-true", read("config"))
            .add("cache", "get type", read("cache"))
            .add("transient", "get type list", read("transient"))
            .add("site", "list", read("site"))
            .add("menu", "list", read("menu"))
            .add("menu item", "list", read("menu"))
            .add("menu location", "list", read("menu"))
            .add("widget", "list", read("widget"))
            .add("sidebar", "list", read("widget"))
            .add("role", "list exists", read("role"))
            .add("cap", "list", read("role"))
            .add("rewrite", "list", read("rewrite"))
            .add("media", "image-size", read("media"))
            .add("maintenance-mode", "status is-active", read("site"))
            .add("language core", "list is-installed", read("language"))
            .add("language plugin", "list is-installed", read("language"))
            .add("language theme", "list is-installed", read("language"))
            .add("doctor", "check list", read("site"))
            .add("", "cli help package scaffold i18n server dist-archive", local("wp-cli"))
            .add("plugin", "install update activate deactivate toggle", update("plugin"))
            .add("plugin", "delete uninstall", delete("plugin").note("removes the plugin (uninstall also deletes its data)"))
            .add("plugin auto-updates", "enable disable", update("plugin"))
            .add("theme", "install update activate enable disable", update("theme"))
            .add("theme", "delete", delete("theme"))
            .add("theme auto-updates", "enable disable", update("theme"))
            .add("core", "update update-db download install multisite-install multisite-convert", update("core"))
            .add("option", "add update patch set", update("option"))
            .add("option", "delete", delete("option"))
            .add("user", "create", create("user"))
            .add("user", "update reset-password spam unspam", update("user"))
            .add("user", "delete", delete("user"))
            .add("user", "add-role set-role remove-role add-cap remove-cap", grant("user"))
            .add("user", "generate import-csv", create("user").many())
            .add("user meta", "add update patch", update("user"))
            .add("user meta", "delete", delete("user"))
            .add("user session", "destroy", delete("session"))
            .add("user application-password", "create", credential("user").note("creates and prints an application password"))
            .add("user application-password", "delete update", update("user"))
            .add("super-admin", "add remove", grant("user"))
            .add("post", "create update", update("post"))
            .add("post", "delete", delete("post"))
            .add("post", "generate", create("post").many())
            .add("post meta", "add update patch", update("post"))
            .add("post meta", "delete", delete("post"))
            .add("term", "create update recount", update("term"))
            .add("term", "delete", delete("term"))
            .add("term", "generate", create("term").many())
            .add("comment", "create update approve unapprove spam unspam trash untrash recount", update("comment"))
            .add("comment", "delete", delete("comment"))
            .add("comment", "generate", create("comment").many())
            .add("cache", "flush delete add set replace incr decr", update("cache"))
            .add("transient", "delete set", update("transient"))
            .add("rewrite", "flush structure", update("rewrite"))
            .add("cron event", "run", execute("cron"))
            .add("cron event", "schedule", create("cron"))
            .add("cron event", "delete unschedule", delete("cron"))
            .add("media", "import", create("media"))
            .add("media", "regenerate", update("media").many())
            .add("config", "set delete create shuffle-salts shuffle-keys edit", update("config"))
            .add("maintenance-mode", "activate deactivate", update("site"))
            .add("site", "create", create("site"))
            .add("site", "delete", delete("site").all())
            .add("site", "empty", delete("content").all().note("deletes every post, comment and term of the site"))
            .add("site", "archive unarchive activate deactivate spam unspam mature unmature public private switch-language",
                    update("site"))
            .add("menu", "create", create("menu"))
            .add("menu", "delete", delete("menu"))
            .add("menu item", "add-post add-custom add-term update delete", update("menu"))
            .add("menu location", "assign remove", update("menu"))
            .add("widget", "add update move deactivate delete reset", update("widget"))
            .add("role", "create", create("role"))
            .add("role", "delete reset", grant("role"))
            .add("cap", "add remove", grant("role"))
            .add("language core", "install update activate uninstall", update("language"))
            .add("language plugin", "install update uninstall", update("language"))
            .add("language theme", "install update uninstall", update("language"))
            .add("", "import", create("content").many())
            .add("", "export", COPY.on("content").note("exports the site's content (posts, comments, users' names and emails) to a file"))
            .add("db", "export", COPY)
            .add("db", "import", replace("database").note("loads a dump over the site's database"))
            .add("db", "reset drop clean", TEARDOWN)
            .add("db", "create", create("database"))
            .add("db", "optimize repair", update("database"))
            .add("", "eval eval-file shell", CODE)
            .build();
    /** {@code --format=count|ids}: a number or ids only, no one's record. */
    private static final Set<String> BARE_FORMATS = Set.of("count", "ids");
    /** Roles that give the run of the site. */
    private static final Set<String> ADMIN_ROLES = Set.of("administrator", "admin", "super-admin");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of());
        List<String> words = p.words();
        Optional<String> alias = words.isEmpty() || !words.getFirst().startsWith("@") ? Optional.empty() : Optional.of(words.getFirst());
        List<String> command = alias.isPresent() ? words.subList(1, words.size()) : words;
        if (command.isEmpty()) {
            return List.of(); // wp (@alias) alone prints its usage
        }
        SiteTarget site = SiteTarget.of(inv, alias, p.value("--ssh"), p.value("--url"), p.value("--path"),
                new SiteTarget.Settings(List.of("DB_HOST"), List.of("DB_NAME"), List.of("DATABASE_URL"), List.of("WP_ENV")));
        if (command.size() > 1 && command.get(0).equals("db") && command.get(1).equals("query")) {
            // the SQL decides, on the site's database; without it, statements come from standard input or a session
            Optional<String> sql = command.size() > 2 ? Optional.of(command.get(2)) : inv.stdin();
            List<Operation> ops = sql.isPresent()
                    ? DatabaseOps.statements(sql.get(), DatabaseOps.literal(inv, sql.get()), "mysql", inv, nested)
                    : List.of(DatabaseOps.session(inv, ""));
            return site.place(ops, inv);
        }
        if (command.size() > 1 && command.get(0).equals("db") && command.get(1).equals("cli")) {
            return site.place(List.of(DatabaseOps.session(inv, "")), inv);
        }
        // WooCommerce's commands (wp wc customer list) have their own table, below the "wc" word
        int skipped = command.getFirst().equals("wc") ? 1 : 0;
        Optional<CommandTable.Found> found = skipped == 1 ? WooCommerceCli.find(command.subList(1, command.size())) : TABLE.find(command);
        Act act = found.map(CommandTable.Found::act)
                .orElseGet(() -> CommandTable.guess(String.join("-", command.subList(0, Math.min(3, command.size()))), "site"));
        act = adjusted(act, command, p);
        if (act == CODE && p.has("--skip-wordpress")) {
            act = local("php").note("runs PHP without loading WordPress");
        }
        String name = found.map(f -> operand(command, f.words() + skipped)).orElse("");
        Operation op = SiteClis.operation(act, inv, "wordpress", name);
        op = SiteControls.marked(op, "wp", command);
        return List.of(site.place(op, inv));
    }

    /** Flags that turn a command into another: a dry run, an export instead of a write, an administrator's account. */
    private static Act adjusted(Act act, List<String> command, ParsedArgs p) {
        if (p.has("--exec")) {
            return CODE; // --exec=PHP runs the code before the command
        }
        String first = command.isEmpty() ? "" : command.getFirst();
        if (act.type().equals(DatabaseOps.CUSTOMER_RECORDS) && p.value("--format").filter(BARE_FORMATS::contains).isPresent()) {
            return read(first.equals("wc") && command.size() > 1 ? command.get(1) : first).note("prints only a count or ids");
        }
        if (first.equals("search-replace")) {
            if (p.has("--dry-run")) {
                return read("database").note("reports what search-replace would change; nothing is written");
            }
            if (p.has("--export")) {
                return COPY.note("writes the site's tables, with the replacements, to a SQL file");
            }
            return update("rows").many().losesData().note("rewrites matching values in the site's tables");
        }
        boolean admin = p.value("--role").filter(ADMIN_ROLES::contains).isPresent()
                || command.size() > 3 && ADMIN_ROLES.contains(command.get(3)) && command.get(1).endsWith("-role");
        if (first.equals("user") && admin && act.verb() != Verb.READ) {
            return grant("user").note("gives an account the administrator role: the run of the whole site");
        }
        return act;
    }

    /** The first operand after the command's words ({@code plugin deactivate wordfence} → wordfence). */
    private static String operand(List<String> command, int used) {
        return command.size() > used ? command.get(used) : "";
    }
}
