package dev.interlock.analysis.shell.recognizers.vcs;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseClientRecognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Self-hosted forges' server-side admin CLIs, run on (or in the container of) the forge itself: Gitea's and Forgejo's
 * {@code gitea admin …}, Gogs's {@code gogs admin …}, GitLab's {@code gitlab-rails runner|console} and
 * {@code gitlab-rake TASK}, {@code gitlab-backup} and {@code gitlab-psql} (psql on the forge's own database). They act on
 * the whole forge with no permission check: creating an administrator or setting another user's password is a grant, a
 * dump copies every repository and the server's secrets, a restore or {@code gitlab:setup} replaces it all, a doctor's
 * {@code --fix} changes what its checks find, while the checks themselves and a cleanup's {@code DRY_RUN=true} only look. The forge is where teams keep their code, so where it runs (a container on this
 * daemon) does not make it a sandbox: its tier comes from a name (the container, the host, the config path) or is unknown.
 */
public final class ForgeServers implements Recognizer {

    private static final String COPIES_DATA = "copies-data";

    /** Gitea/Forgejo commands: {@code admin user create} and the like. */
    private static final CommandTable GITEA = CommandTable.builder()
            .add("admin user", "list", read("user"))
            .add("admin user", "create", create("user").note("creates an account on the forge"))
            .add("admin user", "delete", delete("user").note("deletes a forge account and what it owns"))
            .add("admin user", "change-password", grant("password").note("sets another user's password: whoever sets it can sign in as them"))
            .add("admin user", "must-change-password", update("user"))
            .add("admin user", "generate-access-token", credential("token").note("mints an access token for a user and prints it"))
            .add("admin auth", "list", read("auth-source"))
            .add("admin auth", "add-oauth update-oauth add-ldap update-ldap add-ldap-simple update-ldap-simple add-smtp update-smtp",
                    grant("auth-source").note("changes who may sign in to the forge and how"))
            .add("admin auth", "delete", grant("auth-source").note("removes a way users sign in to the forge"))
            .add("admin", "regenerate repo-sync-releases sendmail", update("forge"))
            .add("admin", "create-user", create("user").note("creates an account on the forge"))
            .add("admin", "delete-inactive-users", delete("user").many())
            .add("actions", "generate-runner-token", credential("token").note("mints a runner registration token and prints it"))
            .add("", "dump", read("forge").note("dumps the forge: every repository, its database and app.ini's secrets"))
            .add("", "restore-repo", replace("repository"))
            .add("doctor", "check list", read("forge"))
            .add("doctor", "recreate-table", replace("table").note("drops and recreates forge tables"))
            .add("doctor", "convert", update("database").note("converts the forge's database tables in place"))
            .add("", "migrate migrate-storage", update("forge"))
            .add("manager", "shutdown restart flush-queues logging", update("forge"))
            .add("", "web", local("server").note("starts the forge's web server on this machine"))
            .add("", "keys embedded help version", read("forge"))
            .add("generate", "secret", read("secret").note("prints a new random value; no stored secret"))
            .build();

    /** gitlab-rake tasks, by their full name or by the namespace they start with (longest first). */
    private static final Map<String, Act> GITLAB_RAKE = Map.ofEntries(
            Map.entry("gitlab:backup:create", read("forge").note("backs up the whole GitLab: repositories, database, uploads")),
            Map.entry("gitlab:backup:restore", replace("forge").all().note("replaces the whole GitLab with a backup")),
            Map.entry("gitlab:setup", replace("database").all().note("drops and re-creates GitLab's database")),
            Map.entry("gitlab:password:reset", grant("password").note("sets a user's password: whoever sets it can sign in as them")),
            Map.entry("gitlab:two_factor:disable_for_all_users", grant("user").all().note("switches two-factor sign-in off for every user")),
            Map.entry("gitlab:cleanup", delete("forge").many()),
            Map.entry("gitlab:import", create("repository")),
            Map.entry("gitlab:shell:setup", update("forge").note("rewrites the SSH keys the forge accepts")),
            Map.entry("db:drop", delete("database").all()),
            Map.entry("db:reset", replace("database").all()),
            Map.entry("db:schema:load", replace("database").all()),
            Map.entry("db:migrate", update("database")),
            Map.entry("cache:clear", update("forge")));

    /**
     * Task namespaces whose tasks take {@code DRY_RUN}: with {@code DRY_RUN=true} (a word of the task line or the
     * environment) GitLab's cleanup tasks only list the orphans they would remove.
     */
    private static final Set<String> DRY_RUN_TASKS = Set.of("gitlab:cleanup");
    private static final Pattern TRUE = Pattern.compile("(?i)true|yes|1");

    /** {@code gitlab-backup} (GitLab's backup command since 12.2): {@code gitlab:backup:*} by another name. */
    private static final CommandTable GITLAB_BACKUP = CommandTable.builder()
            .add("", "create", read("forge").note("backs up the whole GitLab: repositories, database, uploads"))
            .add("", "restore", replace("forge").all().note("replaces the whole GitLab with a backup"))
            .build();

    /**
     * The database name GitLab's Omnibus package gives every installation (its Rails environment is always
     * {@code production}): it says which database of the forge, not which tier the forge serves.
     */
    private static final Pattern GITLAB_OWN_DATABASES = Pattern.compile("gitlabhq_(geo_)?production|praefect_production");

    /** Checks and reports: {@code gitlab:check}, {@code gitlab:env:info}, {@code gitlab:doctor:secrets}, {@code db:migrate:status}. */
    private static final Pattern RAKE_LOOKS = Pattern.compile("(?i).*(:check|^gitlab:check|:info|:status|:doctor:.*|:list|:show)(\\[.*)?");

    /** Ruby given to {@code gitlab-rails runner} that makes someone an administrator or a project's owner. */
    private static final Pattern RUBY_GRANTS = Pattern.compile(
            "(?i)\\badmin\\s*(=|:|=>)\\s*true|\\.admin!|\\badd_(owner|maintainer)\\b|access_level\\s*(:|=>|=)\\s*(50|40|Gitlab::Access::(OWNER|MAINTAINER))"
                    + "|\\bpassword(_confirmation)?\\s*(=|:|=>)");
    private static final Pattern RUBY_TOKENS = Pattern.compile("(?i)PersonalAccessToken|\\.(create_)?personal_access_tokens?\\b|\\.token\\b");
    private static final Pattern RUBY_DELETES = Pattern.compile("(?i)\\.(destroy|destroy_all|delete_all|delete!|destroy!)\\b|DestroyService");

    @Override
    public Set<String> programs() {
        return Set.of("gitea", "forgejo", "gogs", "gitlab-rails", "gitlab-rake", "gitlab-backup", "gitlab-psql", "gitlab-geo-psql");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "gitlab-rails" -> List.of(rails(inv));
            case "gitlab-rake" -> List.of(rake(inv));
            // help and version only print
            case "gitlab-backup" -> DatabaseOps.help(inv, "-h") ? List.of() : List.of(backup(inv));
            case "gitlab-psql", "gitlab-geo-psql" -> DatabaseOps.help(inv, "-V") ? List.of() : psql(inv, nested);
            default -> List.of(gitea(inv));
        };
    }

    private static Operation gitea(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-c", "--config", "-w", "--work-path", "-C", "--custom-path", "--username", "-u",
                "--password", "-p", "--email", "-e", "--name", "--id", "--scopes", "--token-name", "--file", "-f", "--type", "-t",
                "--tempdir", "--database", "-d", "--repo-dir", "--must-change-password", "--fullname", "--login-name"));
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        String system = inv.program().equals("gogs") ? "gogs" : "gitea";
        CommandTable.Found found = GITEA.findOrGuess(words, Math.min(3, words.size()), "forge");
        Act act = found.act();
        String user = p.value("--username", "-u", "--name").orElse("");
        if (act.type().equals("user") && act.verb() == Verb.CREATE && p.has("--admin")) {
            act = grant("admin").note("creates an administrator of the whole forge" + (user.isEmpty() ? "" : ": " + user));
        }
        if (!words.isEmpty() && words.getFirst().equals("doctor") && act.verb() == Verb.READ && p.has("--fix")) {
            act = update("forge").many().note("--fix repairs what the checks find: the forge's database, repositories and hooks");
        }
        Operation.Builder b = act.operation(inv, system, user.isEmpty() ? found.command() : user);
        if (found.command().equals("dump")) {
            b.locator(COPIES_DATA, "dump");
        }
        return placed(b, p.value("-c", "--config", "-w", "--work-path").orElse(""));
    }

    /** {@code gitlab-rails runner 'CODE'}: Ruby with the forge's whole database and no permission check. */
    private static Operation rails(Invocation inv) {
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "console" : words.getFirst();
        String code = words.size() > 1 ? String.join(" ", words.subList(1, words.size())) : "";
        Act act = switch (sub) {
            case "runner", "r" -> RUBY_GRANTS.matcher(code).find()
                    ? grant("user").note("runs Ruby on the forge that makes someone an administrator, an owner, or sets a password")
                    : RUBY_DELETES.matcher(code).find() ? delete("forge").many().note("runs Ruby on the forge that deletes records")
                    : RUBY_TOKENS.matcher(code).find() ? credential("token").note("runs Ruby on the forge that reads or mints tokens")
                    : execute("code").note("runs Ruby on the forge with its whole database and no permission check");
            case "dbconsole", "db" -> execute("database").note("opens the forge's database console");
            case "console", "c" -> execute("code").note("opens a Rails console on the forge: any change, no permission check");
            default -> CommandTable.guess(sub, "forge");
        };
        return placed(act.operation(inv, "gitlab", sub), "");
    }

    private static Operation rake(Invocation inv) {
        List<String> tasks = inv.words().stream().filter(w -> !w.startsWith("-") && !w.contains("=")).toList();
        String task = tasks.isEmpty() ? "" : tasks.getFirst();
        String bare = Regex.replaceFirst(task, "\\[.*", "");
        Act act = RAKE_LOOKS.matcher(task).matches() ? read("forge") : null;
        for (String prefix = bare; act == null && !prefix.isEmpty(); prefix = prefix.contains(":") ? prefix.substring(0, prefix.lastIndexOf(':')) : "") {
            act = GITLAB_RAKE.get(prefix);
        }
        if (act == null) {
            act = CommandTable.guess(bare.substring(bare.lastIndexOf(':') + 1), "forge");
        }
        if (act.verb() != Verb.READ && dryRun(inv, bare)) {
            act = read("forge").note("DRY_RUN=true: the task only lists what it would clean up");
        }
        Operation.Builder b = act.operation(inv, "gitlab", task);
        if (bare.equals("gitlab:backup:create")) {
            b.locator(COPIES_DATA, "backup");
        }
        return placed(b, "");
    }

    /** {@code DRY_RUN=true} given to a task that honours it, as a word of the task line or in its environment. */
    private static boolean dryRun(Invocation inv, String task) {
        boolean honours = DRY_RUN_TASKS.stream().anyMatch(ns -> task.equals(ns) || task.startsWith(ns + ":"));
        String value = inv.words().stream().filter(w -> w.startsWith("DRY_RUN=")).map(w -> w.substring(8))
                .reduce((a, b) -> b).orElse(inv.env().getOrDefault("DRY_RUN", ""));
        return honours && TRUE.matcher(value).matches();
    }

    private static Operation backup(Invocation inv) {
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("-") && !w.contains("=")).toList();
        CommandTable.Found found = GITLAB_BACKUP.findOrGuess(words, Math.min(1, words.size()), "forge");
        Operation.Builder b = found.act().operation(inv, "gitlab", found.command());
        if (found.command().equals("create")) {
            b.locator(COPIES_DATA, "backup");
        }
        return placed(b, "");
    }

    /**
     * {@code gitlab-psql}: psql on the forge's own PostgreSQL, judged as the SQL it sends. The server is the forge's,
     * not a developer's database on this machine, and GitLab's own database name names no tier: it is placed as the
     * forge is (by the host or container a wrapper names), else unknown.
     */
    private static List<Operation> psql(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-c", "--command", "-f", "--file", "-d", "--dbname", "-U", "--username", "-h", "--host",
                "-p", "--port", "-v", "--set", "--variable", "-o", "--output", "-P", "--pset", "-F", "--field-separator"));
        String database = p.value("-d", "--dbname").or(() -> p.positional(0)).orElse("");
        String named = GITLAB_OWN_DATABASES.matcher(database).matches() ? "" : database;
        List<Operation> ops = new ArrayList<>();
        for (String sql : DatabaseOps.values(p, "-c", "--command")) {
            ops.addAll(DatabaseClientRecognizer.psqlText(sql, DatabaseOps.literal(inv, sql), inv, nested));
        }
        for (String file : DatabaseOps.values(p, "-f", "--file")) {
            ops.addAll(file.equals("-") && inv.stdin().isPresent() ? DatabaseClientRecognizer.psqlText(inv.stdin().get(), true, inv, nested)
                    : List.of(DatabaseOps.scriptFile(inv, named, file)));
        }
        if (!p.has("-c", "--command", "-f", "--file")) {
            ops.addAll(inv.stdin().map(text -> DatabaseClientRecognizer.psqlText(text, true, inv, nested))
                    .orElse(List.of(DatabaseOps.session(inv, named))));
        }
        // -o FILE: the rows land in a file here, a copy of the forge's data
        Optional<String> output = p.value("-o", "--output").filter(f -> !f.startsWith("|") && !f.equals("/dev/null"));
        String host = p.value("-h", "--host").filter(h -> !h.startsWith("/")).orElse("");
        return ops.stream().map(o -> output.isPresent() && DatabaseOps.returnsRows(o) ? DatabaseOps.rowsWrittenTo(o, output.get()) : o)
                .map(o -> {
                    Operation.Builder b = o.toBuilder().locator("forge", "gitlab");
                    if (!named.isEmpty() && o.resource().locator("database").isEmpty()) {
                        b.locator("database", named);
                    }
                    if (!host.isEmpty() && o.resource().locator("host").isEmpty()) {
                        b.locator("host", host);
                    }
                    return b.build();
                }).toList();
    }

    /** The forge's tier from its config path ({@code /etc/gitea-prod/app.ini}); otherwise the name a wrapper carries, or unknown. */
    private static Operation placed(Operation.Builder b, String config) {
        DeploymentWords.tierWordIn(config).ifPresent(tier -> b.locator("environment", tier));
        return b.build();
    }
}
