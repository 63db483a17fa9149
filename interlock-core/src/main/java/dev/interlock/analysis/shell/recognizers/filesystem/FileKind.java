package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.recognizers.PrivilegeRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.Memo;
import dev.interlock.analysis.shell.Workspace;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The kinds of file whose change means more than "a file changed", first match wins — for an agent's edit tool and
 * for the shell's {@code >}, {@code rm}, {@code mv} alike. Tested against the resolved
 * absolute path (and, for manifests and scripts, the content).
 */
public enum FileKind {
    /** Interlock's policy, inventory, data, tokens, and the agents' hook settings: self-protection. */
    GUARD_CONFIGURATION((path, ws) -> SelfProtection.isProtectedPath(path, ws)),
    SUDOERS((path, ws) -> PrivilegeRecognizer.isSudoers(path)),
    TERRAFORM_STATE(name(".*\\.tfstate(\\.backup)?|.*\\.tfstate\\.\\d+\\.backup")),
    CREDENTIALS((path, ws) -> SecretFiles.isSecret(path)),
    /** A database's own file (SQLite, InnoDB, Redis, …): overwriting or moving it away loses the data in it. */
    DATABASE_FILE((path, ws) -> dev.interlock.environment.DataFiles.holdsData(path)),
    /** Files that let someone log in: adding a line grants access to the machine. */
    ACCESS_GRANTS(path(".*/\\.ssh/authorized_keys2?|/etc/ssh/sshd_config(\\.d/.*)?|.*/\\.k5login|.*/\\.rhosts|/etc/hosts\\.equiv")),
    /** Shell and client histories: the machine's own record of what was run, which an incident review reads. */
    COMMAND_HISTORY(name("\\.(bash|zsh|sh|ksh|python|psql|mysql|sqlite|node_repl|irb|rediscli|mongosh|lesshst)_?history|\\.zhistory|\\.histfile"
            + "|fish_history|\\.history|consolehost_history\\.txt")),
    CI_PIPELINE(path(".*/\\.github/workflows/[^/]+\\.ya?ml|.*/\\.gitlab-ci\\.ya?ml|.*/\\.gitlab/ci/.*\\.ya?ml|.*/Jenkinsfile"
            + "|.*/\\.circleci/config\\.ya?ml|.*/azure-pipelines\\.ya?ml|.*/\\.buildkite/.*|.*/bitbucket-pipelines\\.ya?ml"
            + "|.*/\\.drone\\.ya?ml|.*/\\.travis\\.ya?ml|.*/cloudbuild\\.ya?ml|.*/buildspec\\.ya?ml|.*/\\.github/actions/.*/action\\.ya?ml"
            // mobile CI services' workflows and hooks, and fastlane's lanes (what a release run does)
            + "|.*/codemagic\\.ya?ml|.*/\\.?bitrise\\.ya?ml|.*/appcenter-(post-clone|pre-build|post-build)\\.sh|.*/fastlane/Fastfile")),
    /**
     * Tool configuration that names commands the tool runs later: ssh's ProxyCommand and LocalCommand, git's
     * core.sshCommand, pager, aliases and hooksPath, the AWS CLI's credential_process.
     */
    COMMAND_CONFIG(path(".*/\\.ssh/config|.*/\\.gitconfig|.*/\\.config/git/config|.*/\\.git/config|.*/\\.aws/config"
            + "|/etc/ssh/ssh_config(\\.d/.*)?|/etc/gitconfig"
            // where every later install takes its packages from: pip's, conda's, yarn's, gem's and cargo's own settings
            + "|.*/pip/pip\\.(conf|ini)|.*/\\.pip/pip\\.conf|/etc/pip\\.conf|.*/\\.condarc|.*/\\.yarnrc(\\.yml)?|.*/\\.gemrc"
            + "|.*/\\.cargo/config(\\.toml)?|.*/\\.config/go/env")),
    /**
     * Files that run by themselves later: shell start-up files, git hooks, session autostart (XDG, launchd), system cron directories.
     * What an agent puts there runs in every new shell (or commit, or login) without being asked again.
     */
    STARTUP_FILE(either(either(name("\\.(bashrc|bash_aliases|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv|zlogin|zlogout"
            + "|kshrc|mkshrc|cshrc|tcshrc|inputrc)|config\\.fish"),
            path("/etc/profile(\\.d/.*)?|/etc/bash\\.bashrc|/etc/zsh/.*|/etc/environment|.*/\\.git/hooks/[^/]+"
                    + "|.*/\\.config/autostart/.*|/etc/rc\\.local|/etc/cron\\.(d|hourly|daily|weekly|monthly)/.*|/var/spool/cron/.*"
                    + "|.*/\\.config/systemd/user/.*|.*/fish/(conf\\.d|functions)/[^/]+\\.fish|.*/\\.husky/[^/_][^/]*|.*/\\.?lefthook(-local)?\\.ya?ml"
                    // macOS: launchd's agents and daemons (the user's and the machine's), started at every login or
                    // boot; what is copied into the directory is one
                    + "|.*/Library/Launch(Agents|Daemons)(/[^/]+)?"
                    // Windows: PowerShell profiles, the Startup folders
                    + "|(?i).*/(windows)?powershell/([^/]+_)?profile\\.ps1|(?i).*/start menu/programs/startup/.*")),
            FileKind::shadowsCommand)),
    TERRAFORM_CODE(name(".*\\.tf|.*\\.tf\\.json|.*\\.tfvars|.*\\.tfvars\\.json|.*\\.tofu|.*\\.hcl")),
    /** A migration in a framework's own language (Rails, Alembic, Django, Knex, Sequelize, TypeORM, migrate-mongo, EF Core, Ecto). */
    CODE_MIGRATION(path(".*/db/migrate/[^/]+\\.rb|.*/(migrations?|alembic)/versions/[^/]+\\.py|.*/migrations/\\d[^/]*\\.py"
            + "|.*/migrations?/[^/]+\\.(js|ts|cjs|mjs)"
            // Ecto's priv/repo/migrations (one folder per repo: priv/read_repo/migrations)
            + "|.*/priv/\\w+/migrations/[^/]+\\.exs"
            // EF Core's Migrations folder; its .Designer.cs and model snapshot only describe the model
            + "|.*/Migrations/(?![^/]*\\.Designer\\.cs$)(?![^/]*ModelSnapshot\\.cs$)[^/]+\\.cs")),
    /**
     * SQL that a migration tool runs as it is. A dbt project's models, analyses, tests, snapshots and macros are
     * templates dbt compiles into queries when it is run (and that run is judged then): editing one is source work;
     * a migration directory below them is still one. Query definitions kept for a code generator or a query loader
     * (sqlc's {@code queries/}, {@code query/}) are the application's source too.
     */
    SQL_MIGRATION(path(".*\\.sql").and(path(".*/(models|analyses|analysis|tests|snapshots|macros|queries|query)/"
            + "(?!.*(?i:migrat|flyway|liquibase|changelog)).*").negate())),
    SHELL_SCRIPT(name(".*\\.(sh|bash|zsh|ksh)")),
    /**
     * Recipes run by name later ({@code make reset}, {@code just deploy}, {@code task clean}): what they hold is staged
     * for the next run.
     */
    TASK_RECIPES(name("(gnu)?makefile|.*\\.mk|\\.?justfile|taskfile(\\.dist)?\\.ya?ml")),
    /** A package manifest: its install lifecycle scripts run by themselves on the next {@code npm install}. */
    PACKAGE_MANIFEST(name("package\\.json")),
    /**
     * A running server's own configuration, which it reloads as soon as the file changes (Traefik's dynamic files, nginx
     * and Apache sites, Caddy, HAProxy, Envoy, Varnish), in a system directory whose path names production or staging
     * ({@code /srv/traefik-prod/dynamic/routers.yml}, {@code /etc/nginx/sites-enabled/shop-prod.conf}): the edit is live.
     */
    LIVE_SERVER_CONFIG(FileKind::liveServerConfig),
    /**
     * What a deployment becomes once it is synced or applied, besides Terraform: Helm values, charts and helmfiles,
     * Kustomize, manifests kept in a deployment directory (GitOps), compose files, deploy configurations (Kamal).
     */
    DEPLOYMENT_CONFIG((path, ws) -> DeploymentCode.holds(path)),
    KUBERNETES_MANIFEST(name(".*\\.(ya?ml|json)")),
    /** A Dockerfile or Containerfile: its RUN lines run on a build machine whenever the image is built. */
    DOCKERFILE(name("(.*\\.)?(docker|container)file(\\..+)?")),
    OTHER((path, ws) -> true);

    /** Everyday commands: a file of that name in the user's own bin directory (early on PATH) runs instead of the real one. */
    private static final Pattern EVERYDAY_COMMANDS = Pattern.compile("ls|cd|cat|git|sudo|su|ssh|scp|grep|find|cp|mv|rm|python3?"
            + "|pip3?|node|npm|npx|docker|kubectl|terraform|aws|gcloud|az|curl|wget|make|vim?|nano|less|ps|top|env|bash|sh|zsh|psql|mysql");

    private static boolean shadowsCommand(String path, Workspace ws) {
        String home = ws.home();
        int slash = path.lastIndexOf('/');
        if (home == null || home.isEmpty() || slash < 0) {
            return false;
        }
        String dir = path.substring(0, slash);
        return (dir.equals(home + "/bin") || dir.equals(home + "/.local/bin"))
                && EVERYDAY_COMMANDS.matcher(path.substring(slash + 1)).matches();
    }

    /** System directories where servers keep what they serve from, and the servers that reload their configuration there. */
    private static final Pattern LIVE_ROOTS = Pattern.compile("/(etc|srv|opt|var/www|var/lib|usr/local/etc)/.*");
    private static final Pattern LIVE_SERVERS = Pattern.compile("(?i).*/[^/]*(traefik|nginx|apache2?|httpd|caddy|haproxy|envoy|varnish)[^/]*/.*");

    private static boolean liveServerConfig(String path, Workspace ws) {
        // cheap tests first: a system directory, a server's directory, then a tier's name
        return LIVE_ROOTS.matcher(path).matches() && LIVE_SERVERS.matcher(path).matches()
                && dev.interlock.analysis.shell.recognizers.DeploymentWords.tierWordIn(path).isPresent();
    }

    private final BiPredicate<String, Workspace> test;

    FileKind(BiPredicate<String, Workspace> test) {
        this.test = test;
    }

    /** The kind of a path is asked for several times per command (and again by the next one): tested once. */
    private record Asked(String path, Workspace ws) {
    }

    private static final FileKind[] KINDS = values();
    private static final Memo<Asked, FileKind> KNOWN = Memo.of(4096, FileKind::test);

    /** Whether {@code path} is a file of this kind, whatever other kind it may also be. */
    public boolean matches(String path, Workspace ws) {
        return test.test(path, ws);
    }

    public static FileKind of(String resolvedPath, Workspace ws) {
        return KNOWN.get(new Asked(resolvedPath, ws));
    }

    private static FileKind test(Asked asked) {
        for (FileKind kind : KINDS) {
            if (kind.test.test(asked.path(), asked.ws())) {
                return kind;
            }
        }
        return OTHER;
    }


    private static BiPredicate<String, Workspace> name(String regex) {
        Pattern p = Pattern.compile(regex);
        return (path, ws) -> p.matcher(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).matches();
    }

    private static BiPredicate<String, Workspace> either(BiPredicate<String, Workspace> a, BiPredicate<String, Workspace> b) {
        return a.or(b);
    }

    private static BiPredicate<String, Workspace> path(String regex) {
        Pattern p = Pattern.compile(regex);
        return (path, ws) -> p.matcher(path).matches();
    }
}
