package dev.interlock.analysis.shell.recognizers.cms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headless CMS CLIs, one table each: {@code directus} ({@code schema snapshot} reads, {@code schema apply} alters the
 * collections and fields to match a snapshot unless {@code --dry-run}, {@code database migrate:*} and
 * {@code bootstrap} change the schema) and {@code strapi} ({@code export} copies the data out, {@code import} replaces
 * it, {@code transfer} copies one project's data over another's, {@code admin:*} manage administrators). Both act on
 * the database their settings name: {@code DB_HOST}/{@code DB_CONNECTION_STRING} for Directus, {@code DATABASE_URL}/
 * {@code DATABASE_HOST} for Strapi; development servers and generators run here.
 */
final class HeadlessCms {

    private HeadlessCms() {
    }

    private static final CommandTable DIRECTUS = CommandTable.builder()
            .add("", "init start", local("directus"))
            .add("security", "key:generate secret:generate", local("directus"))
            .add("schema", "snapshot", read("schema"))
            .add("schema", "apply", update("schema").losesData().note("alters collections and fields to match the snapshot, dropping what it lacks"))
            .add("", "bootstrap", update("schema").note("installs or migrates the database and creates the first administrator"))
            .add("database", "install", create("schema"))
            .add("database", "migrate:latest migrate:up", update("schema"))
            .add("database", "migrate:down", update("schema").losesData().note("reverts a migration, dropping what it added"))
            .add("users", "create", create("user"))
            .add("users", "passwd", update("user"))
            .add("roles", "create", create("role"))
            .add("", "count", read("items"))
            .build();
    private static final CommandTable STRAPI = CommandTable.builder()
            .add("", "develop dev start build watch-admin generate new install uninstall version report login logout "
                    + "ts:generate-types templates:generate telemetry:disable telemetry:enable plugin:build plugin:init "
                    + "plugin:watch plugin:verify", local("strapi"))
            .add("", "console", execute("javascript").note("opens a console with the Strapi app and its database loaded"))
            .add("", "routes:list policies:list middlewares:list content-types:list hooks:list controllers:list "
                    + "services:list components:list", read("project"))
            .add("", "export", WordPressCli.COPY.note("exports the project's data (entries, users, files) to an archive"))
            .add("", "import", replace("database").all().note("deletes the project's data and loads the archive"))
            .add("", "transfer", replace("database").all().note("replaces the destination project's data"))
            .add("", "configuration:dump", read("config"))
            .add("", "configuration:restore", update("config"))
            .add("", "admin:create-user", grant("user").note("creates an administrator account"))
            .add("", "admin:reset-user-password", update("user").note("sets an administrator's password"))
            .add("", "deploy", update("project").note("deploys the project to Strapi Cloud, where it is served"))
            .add("", "projects", read("project"))
            .build();
    /** Strapi's commands that act on Strapi Cloud, not on the install here: nothing local places them. */
    private static final Set<String> STRAPI_CLOUD = Set.of("deploy", "projects");
    private static final Set<String> VALUED = Set.of("--to", "--from", "--to-token", "--from-token", "--file", "-f",
            "--key", "--email", "--password", "--role", "--firstname", "--lastname", "--only", "--exclude", "--format", "--env", "-e");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        boolean directus = inv.program().equals("directus");
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        Act act = (directus ? DIRECTUS : STRAPI).find(directus ? words : words.subList(0, Math.min(1, words.size())))
                .map(CommandTable.Found::act)
                .orElseGet(() -> CommandTable.guess(words.isEmpty() ? "" : words.getFirst(), directus ? "schema" : "project"));
        if (p.has("--dry-run") && act.verb() != Verb.READ) {
            act = read("schema").note("reports what would change; nothing is applied");
        }
        if (directus && words.size() > 1 && words.getFirst().equals("roles") && p.has("--admin")) {
            act = grant("role").note("creates a role with administrator access");
        }
        String system = directus ? "directus" : "strapi";
        SiteTarget site = directus
                ? SiteTarget.of(inv, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new SiteTarget.Settings(
                        List.of("DB_HOST"), List.of("DB_DATABASE", "DB_FILENAME"), List.of("DB_CONNECTION_STRING"), List.of()))
                : SiteTarget.of(inv, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new SiteTarget.Settings(
                        List.of("DATABASE_HOST"), List.of("DATABASE_NAME", "DATABASE_FILENAME"), List.of("DATABASE_URL"), List.of("NODE_ENV")));
        if (!directus && !words.isEmpty() && STRAPI_CLOUD.contains(words.getFirst())) {
            // strapi deploy --env NAME picks the Cloud project's environment; without it, the project's default (live) one
            Operation.Builder b = act.operation(inv, "strapi-cloud", "");
            p.value("--env", "-e").ifPresent(e -> b.locator("environment", e));
            return List.of(b.build());
        }
        if (!directus && !words.isEmpty() && words.getFirst().equals("transfer")) {
            return transfer(inv, p, act, site);
        }
        return List.of(site.place(SiteClis.operation(act, inv, system, words.size() > 1 ? words.get(1) : ""), inv));
    }

    /**
     * {@code strapi transfer --to URL} replaces the remote project's data with this one's; {@code --from URL} copies the
     * remote project's data and replaces this one's with it.
     */
    private static List<Operation> transfer(Invocation inv, ParsedArgs p, Act act, SiteTarget here) {
        List<Operation> ops = new ArrayList<>();
        Optional<String> to = p.value("--to");
        Optional<String> from = p.value("--from");
        from.ifPresent(url -> ops.add(remote(url).place(SiteClis.operation(WordPressCli.COPY
                .note("copies the remote project's data"), inv, "strapi", url), inv)));
        ops.add((to.isPresent() ? remote(to.get()) : here).place(SiteClis.operation(act, inv, "strapi", to.orElse("")), inv));
        return ops;
    }

    private static SiteTarget remote(String url) {
        String host = Hosts.of(url);
        return new SiteTarget(host.isEmpty() ? Map.of() : Map.of("host", host));
    }
}
