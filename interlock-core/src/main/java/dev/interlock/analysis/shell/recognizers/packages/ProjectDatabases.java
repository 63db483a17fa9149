package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test runners and project scripts pointed at a database by their environment ({@code DATABASE_URL}, {@code PGHOST},
 * {@code MYSQL_HOST}, {@code REDIS_URL}, {@code MONGO_URL}, …). Their code is not in view, but integration tests and
 * fixtures create and truncate tables, so where the variables send them is where they act: a remote server places the
 * run there ({@code DATABASE_URL=postgres://app@db.prod.internal/app pytest} is code of unknown effect against prod),
 * while this machine or a compose service ({@code localhost}, {@code db}) keeps it local. A script named for the
 * database ({@code npm run db:reset}) that nothing placed is judged by the same variables; with none it stays as it was.
 * A test run with no database named is placed as the project's own program is ({@link ProjectRuns#placed}): by the
 * server, identity or environment its variables name ({@code BASE_URL=https://admin.prod…}, {@code ENV=production}) or
 * by the configuration it is given ({@code --config=playwright.prod.config.ts}, {@code --config baseUrl=https://…}):
 * end-to-end tests click, order and delete for real where they are pointed.
 */
public final class ProjectDatabases {

    private ProjectDatabases() {
    }

    /** Program → the first words that run tests or the project's scripts; an empty set: any run of the program does. */
    private static final Map<String, Set<String>> RUNS = Map.ofEntries(
            Map.entry("pytest", Set.of()), Map.entry("py.test", Set.of()), Map.entry("tox", Set.of()), Map.entry("nox", Set.of()),
            Map.entry("nose2", Set.of()), Map.entry("nosetests", Set.of()), Map.entry("behave", Set.of()),
            Map.entry("jest", Set.of()), Map.entry("vitest", Set.of()), Map.entry("mocha", Set.of()), Map.entry("ava", Set.of()),
            Map.entry("cucumber-js", Set.of()), Map.entry("playwright", Set.of("test")), Map.entry("cypress", Set.of("run")),
            Map.entry("rspec", Set.of()), Map.entry("cucumber", Set.of()), Map.entry("phpunit", Set.of()), Map.entry("pest", Set.of()),
            Map.entry("gotestsum", Set.of()), Map.entry("ginkgo", Set.of()),
            Map.entry("go", Set.of("test", "run")), Map.entry("cargo", Set.of("test", "run", "nextest")),
            Map.entry("dotnet", Set.of("test", "run")), Map.entry("mix", Set.of("test", "run")),
            Map.entry("deno", Set.of("test", "task", "run")), Map.entry("bun", Set.of("test", "run")),
            Map.entry("sbt", Set.of("test", "it:test", "run")), Map.entry("lein", Set.of("test", "run")),
            Map.entry("swift", Set.of("test", "run")), Map.entry("dart", Set.of("test", "run")), Map.entry("flutter", Set.of("test")),
            Map.entry("mvn", Set.of("test", "verify", "integration-test", "install", "spring-boot:run", "exec:java", "quarkus:dev")),
            Map.entry("mvnw", Set.of("test", "verify", "integration-test", "install", "spring-boot:run", "exec:java", "quarkus:dev")),
            Map.entry("rails", Set.of("test", "runner", "spec")), Map.entry("rake", Set.of("test", "spec")),
            Map.entry("manage.py", Set.of("test")), Map.entry("django-admin", Set.of("test")), Map.entry("artisan", Set.of("test")),
            Map.entry("npm", Set.of("test", "t", "run", "run-script", "start")),
            Map.entry("pnpm", Set.of()), Map.entry("yarn", Set.of()));

    /** Tools that take several goals or tasks in one run. */
    private static final Set<String> SEVERAL = Set.of("mvn", "mvnw", "rake", "sbt");
    /** Gradle tasks are free names: those that test, check or run the application. */
    private static final Set<String> GRADLE = Set.of("gradle", "gradlew");
    /** Words of a package manager itself, not scripts of the project (pnpm and yarn run a script by its bare name). */
    private static final Set<String> MANAGER_WORDS = Set.of("install", "i", "ci", "add", "remove", "rm", "uninstall", "up",
            "update", "upgrade", "outdated", "why", "info", "view", "list", "ls", "config", "cache", "dlx", "exec", "create",
            "init", "pack", "publish", "link", "unlink", "audit", "import", "version", "login", "logout", "bin", "global",
            "workspaces", "help", "store", "patch", "plugin", "set", "constraints", "dedupe", "prune", "rebuild", "licenses",
            "node", "env", "fetch", "whoami");
    /** Scripts that build or check the code without running it. */
    private static final Set<String> BUILDS = Set.of("build", "lint", "format", "fmt", "typecheck", "type-check",
            "check-types", "tsc", "compile", "clean", "prettier", "eslint", "docs");
    /** Options that only list or describe the tests. */
    private static final Set<String> NO_RUN = Set.of("--collect-only", "--co", "--listTests", "--list", "-list", "--version",
            "-V", "--help", "-h", "-DskipTests", "-DskipTests=true", "-Dmaven.test.skip=true", "--fixtures", "--markers");
    /** The parts of a variable's name that say it points at a data store. */
    private static final Set<String> STORE_WORDS = Set.of("DATABASE", "DB", "POSTGRES", "POSTGRESQL", "PG", "MYSQL", "MARIADB",
            "MONGO", "MONGODB", "REDIS", "VALKEY", "SQL", "SQLALCHEMY", "CLICKHOUSE", "CASSANDRA", "ELASTICSEARCH", "OPENSEARCH",
            "NEO4J", "COUCHDB", "MSSQL");
    /** The last part of a variable's name that says its value is an address. */
    private static final Set<String> ADDRESS_WORDS = Set.of("URL", "URI", "DSN", "HOST", "ADDR", "ADDRESS", "SERVER");
    /** The parts of a script's name that say it is about the database. */
    private static final Set<String> DATABASE_SCRIPT_WORDS = Set.of("db", "database", "schema", "migrate", "migration",
            "migrations", "seed", "seeds", "fixtures", "sql", "pg", "postgres", "mysql", "mongo", "redis");

    /** Where the run's variables send it: a remote server's host and database, or this machine. */
    private record Target(String host, String database, boolean here) {
    }

    /** The operations of one program run, a test or script run placed by the database its environment names. */
    public static List<Operation> place(Invocation inv, List<Operation> ops) {
        if (ops.isEmpty()) {
            return ops;
        }
        boolean runs = runs(inv);
        boolean databaseScript = !runs && ops.stream().anyMatch(ProjectDatabases::databaseScript);
        if (!runs && !databaseScript) {
            return ops;
        }
        Optional<Target> target = target(inv.env());
        if (target.isEmpty()) {
            return runs && !inv.remote() ? ops.stream().map(op -> aimed(inv, op)).toList() : ops;
        }
        Target t = target.get();
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(placed(op, t, runs, inv.remote()));
        }
        return out;
    }

    private static Operation placed(Operation op, Target t, boolean runs, boolean remote) {
        boolean code = (op.system().equals("process") || op.system().equals("package")) && op.verb() == Verb.EXECUTE
                && op.resource().locator("host").isEmpty() && op.resource().locator("environment").isEmpty();
        if (!code) {
            return op;
        }
        boolean script = databaseScript(op);
        if (t.here()) {
            // npm run db:reset against localhost: a local sandbox's database, whatever the script does to it
            return script ? op.withEnvironment(Tier.LOCAL, "the database its environment names is on this machine (" + t.host() + ")") : op;
        }
        // a run on this machine (in a container or on another host: not yet placed); a deploy script stays unplaced,
        // since a dev database in its variables says nothing of where it deploys
        boolean localRun = op.system().equals("process") && (op.environment() == Tier.LOCAL
                || remote && op.environment() == Tier.UNKNOWN && op.environmentSource().isEmpty());
        if (!script && !(runs && localRun)) {
            return op;
        }
        Operation.Builder b = op.toBuilder().locator("host", t.host()).environment(Tier.UNKNOWN, "")
                .note((op.note().isEmpty() ? "" : op.note() + "; ") + "its environment points it at the database on " + t.host()
                        + ", where tests and scripts create, change and truncate tables");
        if (!t.database().isEmpty()) {
            b.locator("database", t.database());
        }
        return b.build();
    }

    /** Test runners' options that point the run at a site or pick its configuration. */
    private static final Set<String> TARGET_OPTIONS = Set.of("--config", "-c", "--config-file", "--configFile", "--base-url",
            "--baseUrl", "--base_url", "--url", "--env", "-e", "--environment");

    /** A local test run, placed where its variables or its configuration point it; unchanged when they point nowhere. */
    private static Operation aimed(Invocation inv, Operation op) {
        if (!op.system().equals("process") || op.verb() != Verb.EXECUTE || op.environment() != Tier.LOCAL) {
            return op;
        }
        // a cloud identity in the session does not make a test run a change there (what terratest creates is its code's business)
        return ProjectRuns.placed(inv, op.toBuilder().environment(Tier.UNKNOWN, ""), targetOptions(inv.args()), op.resource().name(), false)
                .map(b -> b.note((op.note().isEmpty() ? "" : op.note() + "; ") + "the tests act where their configuration points them"))
                .map(Operation.Builder::build).orElse(op);
    }

    /** The values of the run's target options, and each {@code key=value} item of a list ({@code baseUrl=https://…,video=false}). */
    private static List<Arg> targetOptions(List<Arg> args) {
        List<Arg> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            int eq = w.indexOf('=');
            String name = w.startsWith("--") && eq > 0 ? w.substring(0, eq) : w;
            if (!TARGET_OPTIONS.contains(name)) {
                continue;
            }
            String value = !name.equals(w) ? w.substring(eq + 1) : i + 1 < args.size() ? args.get(++i).value() : "";
            for (String item : value.split(",")) {
                out.add(Arg.of(item.indexOf('=') > 0 ? item.substring(item.indexOf('=') + 1) : item));
            }
        }
        return out;
    }

    /** Whether the command runs tests or the project's own scripts (not a build, a lint or a listing). */
    private static boolean runs(Invocation inv) {
        String program = inv.program();
        Set<String> verbs = RUNS.get(program);
        boolean gradle = GRADLE.contains(program);
        if (verbs == null && !gradle) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (Arg a : inv.args()) {
            String w = a.value();
            if (NO_RUN.contains(w)) {
                return false;
            }
            if (!w.startsWith("-")) {
                words.add(w);
            }
        }
        if (gradle) {
            return words.stream().anyMatch(w -> {
                String task = w.substring(w.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
                return task.contains("test") || task.equals("check") || task.equals("run") || task.equals("bootrun");
            });
        }
        if (program.equals("pnpm") || program.equals("yarn") || program.equals("npm")) {
            return node(program, words);
        }
        if (verbs.isEmpty()) {
            return true;
        }
        // mvn clean verify, rake db:migrate test:integration: goals and tasks come in lists; other tools take one verb
        List<String> asked = SEVERAL.contains(program) ? words : words.isEmpty() ? List.of() : words.subList(0, 1);
        return asked.stream().anyMatch(w -> verbs.contains(w) || verbs.contains(w.substring(0, Math.max(0, w.indexOf(':')))));
    }

    /** {@code npm test}, {@code npm run seed}, {@code yarn test:integration}; not {@code npm run build} or {@code yarn add}. */
    private static boolean node(String program, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String first = words.getFirst();
        String script = first.equals("run") || first.equals("run-script") ? (words.size() > 1 ? words.get(1) : "")
                : Set.of("test", "t", "start").contains(first) ? first
                : program.equals("npm") || MANAGER_WORDS.contains(first) ? "" : first;
        return !script.isEmpty() && !BUILDS.contains(script.toLowerCase(Locale.ROOT));
    }

    /** A package script whose name says it works on the database and nothing shared: {@code db:reset}, {@code seed-db}. */
    private static boolean databaseScript(Operation op) {
        if (!op.system().equals("package") || !op.resource().type().equals("script")) {
            return false;
        }
        String name = op.resource().name();
        boolean database = false;
        for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (DeploymentWords.named(part) || Set.of("deploy", "release", "publish", "rollout", "promote").contains(part)) {
                return false;
            }
            database |= DATABASE_SCRIPT_WORDS.contains(part);
        }
        return database;
    }

    /**
     * The data store the variables name: the first remote one (a shared server wins over a local one), else this
     * machine when every one named is here. A single-label name without an environment's word ({@code db},
     * {@code postgres}) is a compose service beside the project, not a shared server.
     */
    private static Optional<Target> target(Map<String, String> env) {
        Target here = null;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
            if (!storeVariable(e.getKey()) || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String value = e.getValue().trim();
            boolean url = value.contains("://");
            if (!url && (e.getKey().endsWith("URL") || e.getKey().endsWith("URI") || e.getKey().endsWith("DSN"))) {
                continue; // a file path or a name, not a server
            }
            String host = Hosts.of(value);
            if (host.isEmpty() || host.contains("$") || !host.matches("[a-z0-9][a-z0-9.:_-]*")) {
                continue;
            }
            if (local(host)) {
                here = new Target(host, "", true);
                continue;
            }
            return Optional.of(new Target(host, url ? DatabaseTarget.fromUrl(value).database() : env.getOrDefault("PGDATABASE", ""), false));
        }
        return Optional.ofNullable(here);
    }

    private static boolean local(String host) {
        return Hosts.loopback(host) || host.equals("host.docker.internal") || DeploymentWords.serviceName(host);
    }

    /** {@code DATABASE_URL}, {@code TEST_DATABASE_URL}, {@code PGHOST}, {@code MYSQL_HOST}, {@code REDIS_URL}, {@code MONGODB_URI}. */
    static boolean storeVariable(String name) {
        if (name.equals("PGHOST") || name.equals("MYSQLHOST") || name.equals("PGHOSTADDR")) {
            return true;
        }
        String[] parts = name.split("_");
        if (parts.length < 2 || !ADDRESS_WORDS.contains(parts[parts.length - 1])) {
            return false;
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (STORE_WORDS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }
}
