package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.packages.Publishing.hostLocator;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.local;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.op;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.publish;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.read;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.DataCopies;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * npm, pnpm and yarn: publishing and the registry's access and tokens, and the project's own scripts (judged by their
 * commands when package.json is in view, by their names when not); installing, building and testing are local.
 */
final class NodePackages {

    private NodePackages() {
    }

    private static final Set<String> NPM_VALUED = Set.of("--registry", "--tag", "--access", "--otp", "-w", "--workspace",
            "--filter", "-F", "--prefix", "-C", "--dir", "--cwd", "--userconfig", "--loglevel");
    private static final Set<String> LOCAL_NPM = Set.of("install", "i", "ci", "add", "remove", "rm", "uninstall", "un",
            "update", "up", "upgrade", "test", "t", "run", "run-script", "build", "start", "exec", "x", "dlx", "link", "ln",
            "pack", "prune", "dedupe", "rebuild", "init", "create", "version", "audit", "outdated", "ls", "list", "why",
            "view", "info", "show", "search", "config", "get", "set", "cache", "doctor", "explain", "fund", "root", "bin",
            "help", "lint", "format", "dev", "serve", "store", "import", "env", "pkg", "set-script", "install-test", "it",
            "workspaces", "workspace", "patch", "licenses", "node", "plugin", "constraints", "tsc", "jest", "vitest");
    /** Tools with their own recognizers that projects commonly run through yarn/pnpm. */
    private static final Set<String> DELEGATED = Set.of("prisma", "drizzle-kit", "knex", "sequelize", "sequelize-cli",
            "typeorm", "supabase", "cdk", "pulumi", "wrangler", "vercel", "netlify", "firebase", "serverless", "sls", "lerna",
            "changeset", "atlas", "dbmate", "migrate", "medusa");
    private static final Pattern AUTH_KEY = Pattern.compile("(?i)(_auth|authtoken|_password|token)");
    private static final Pattern RISKY_SCRIPT =
            Pattern.compile("(?i).*(deploy|release|publish|destroy|teardown|drop|reset|nuke|wipe|prod).*");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(NPM_VALUED);
        List<String> words = p.words();
        if (words.size() > 2 && words.get(0).equals("pkg") && words.get(1).equals("set")) {
            // npm pkg set scripts.postinstall='…': the package manager runs it later (on install, test, start …): what it does counts now
            List<Operation> ops = new ArrayList<>();
            for (String assignment : words.subList(2, words.size())) {
                int eq = assignment.indexOf('=');
                if (assignment.startsWith("scripts.") && eq > 0) {
                    ops.addAll(nested.shell(assignment.substring(eq + 1), inv));
                }
            }
            ops.add(SelfProtectionRecognizer.write(inv, "package.json", "npm pkg set writes"));
            return ops;
        }
        String tool = inv.program();
        int at = tool.equals("yarn") && !words.isEmpty() && words.getFirst().equals("npm") ? 1 : 0;
        if (tool.equals("yarn") && words.size() > 2 && words.getFirst().equals("workspace")) {
            at = 2; // yarn workspace NAME COMMAND…
        }
        String sub = words.size() > at ? words.get(at) : "install";
        // `yarn prisma …`, `pnpm knex …` run a project binary: the tool decides, so analyze it as a command
        // (`npm exec`, `pnpm exec`, `yarn dlx` are unwrapped by the analyzer before they get here)
        if (!tool.equals("npm") && DELEGATED.contains(sub)) {
            List<String> rest = commandAfter(inv.args(), sub);
            if (!rest.isEmpty()) {
                return nested.shell(String.join(" ", rest), inv);
            }
        }
        String target = words.size() > at + 1 ? words.get(at + 1) : "";
        boolean dryRun = p.has("--dry-run");
        // npm_config_registry set for the command is --registry by another name
        Optional<String> registry = p.value("--registry").or(() -> Optional.ofNullable(inv.env().get("npm_config_registry")))
                .or(() -> Optional.ofNullable(inv.env().get("NPM_CONFIG_REGISTRY"))).filter(r -> !r.isBlank());
        if (sub.equals("config") && words.size() > at + 2 && Set.of("get", "list", "ls").contains(words.get(at + 1))
                && AUTH_KEY.matcher(words.get(at + 2)).find()) {
            // `npm config get //registry…/:_authToken` prints the registry token (list masks it; get does not)
            return List.of(LocalFiles.local(inv, Operation.builder("package", Verb.CREDENTIAL).resource("token", words.get(at + 2))
                    .evidence(inv.evidence()).note("prints a package registry token"), tool + "'s configuration on this machine").build());
        }
        // npm run X, npm test/start, and yarn or pnpm X run the project's own script: its commands decide when in view
        String scriptName = Set.of("run", "run-script").contains(sub) ? target
                : Set.of("test", "t", "start", "stop", "restart").contains(sub) ? (sub.equals("t") ? "test" : sub)
                : !tool.equals("npm") && !LOCAL_NPM.contains(sub) && !BUILT_IN.contains(sub) ? sub : "";
        Optional<List<Operation>> inView = scriptInView(inv, nested, scriptName);
        if (inView.isPresent()) {
            return inView.get();
        }
        Optional<Operation> app = scriptName.equals("start") ? ProjectRuns.of(inv) : Optional.empty();
        if (app.isPresent()) {
            return List.of(app.get()); // starts the application itself, its start script not in view
        }
        Operation o = switch (sub) {
            case "publish" -> dryRun ? read(inv, "package", target, "dry run of a publish")
                    : publish(inv, target.isEmpty() ? "the package in " + inv.workspace().cwd() : target,
                            tool + " publish" + (p.has("-r", "--recursive") ? " -r" : ""));
            case "unpublish" -> {
                boolean whole = !target.contains("@") || target.startsWith("@") && target.indexOf('@', 1) < 0;
                yield op(inv, Verb.DELETE, "package", target).stateful(true).reversible(false)
                        .scope(p.has("--force", "-f") && whole ? Scope.ALL : Scope.ONE)
                        .note(whole ? "removes every version of the package from the registry" : "removes a published version").build();
            }
            case "deprecate" -> op(inv, Verb.UPDATE, "package", target).scope(Scope.MANY)
                    .note("marks published versions as deprecated for everyone who installs them").build();
            case "dist-tag" -> Set.of("ls", "list").contains(target) || target.isEmpty() ? read(inv, "package", "", "")
                    : op(inv, Verb.UPDATE, "package", words.size() > at + 2 ? words.get(at + 2) : target).note("moves a registry tag").build();
            case "owner", "access", "team" -> words.size() > at + 1 && Set.of("ls", "list", "get").contains(target)
                    ? read(inv, "package", "", "")
                    : op(inv, Verb.GRANT, "package", words.getLast()).note("changes who may publish the package").build();
            case "token", "login", "adduser", "logout" -> op(inv, Verb.CREDENTIAL, "token", "")
                    .note(tool + " " + sub + " handles registry credentials").build();
            case "run", "run-script" -> script(inv, target);
            default -> {
                if (LOCAL_NPM.contains(sub) || tool.equals("npm")) {
                    yield PackageSources.dependencies(inv).orElseGet(() -> local(inv, tool + " " + sub));
                }
                yield script(inv, sub);
            }
        };
        return List.of(registry.map(r -> hostLocator(o, r)).orElse(o));
    }

    /** The words of the command a runner starts, from {@code marker} on, requoted for the shell. */
    static List<String> commandAfter(List<Arg> args, String marker) {
        List<String> out = new ArrayList<>();
        boolean started = false;
        for (Arg a : args) {
            started = started || a.value().equals(marker);
            if (started) {
                out.add(a.shellText());
            }
        }
        return out;
    }

    /** Commands of the tools themselves, which win over a script of the same name. */
    private static final Set<String> BUILT_IN = Set.of("publish", "unpublish", "deprecate", "dist-tag", "owner", "access",
            "team", "token", "login", "adduser", "logout", "config");

    /**
     * The package script's own commands ({@code pre}NAME, NAME, {@code post}NAME) when the project's package.json is in
     * view (the CLI and the local hooks read it into {@code context.files}); empty when it is not, or names no such
     * script, so that the name decides as before.
     */
    private static Optional<List<Operation>> scriptInView(Invocation inv, Nested nested, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> json = nested.written("package.json");
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> scripts = PackageScripts.of(json.get()).orElse(Map.of());
        if (!scripts.containsKey(name)) {
            return Optional.empty();
        }
        List<Operation> ops = new ArrayList<>();
        for (String key : List.of("pre" + name, name, "post" + name)) {
            if (scripts.containsKey(key)) {
                ops.addAll(nested.shell(scripts.get(key), inv));
            }
        }
        return Optional.of(ops.isEmpty() ? List.of(local(inv, inv.program() + " run " + name)) : ops);
    }

    /** A package script runs arbitrary commands; names that say deploy, release or reset are not assumed local. */
    private static Operation script(Invocation inv, String name) {
        Optional<Operation> copy = DataCopies.named(inv, name);
        if (copy.isPresent()) {
            return copy.get(); // npm run db:refresh-from-prod
        }
        if (RISKY_SCRIPT.matcher(name).matches()) {
            Operation.Builder b = op(inv, Verb.EXECUTE, "script", name).confidence(Confidence.INFERRED)
                    .note("the package script '" + name + "' may deploy, publish or destroy; its commands are not analyzed");
            // deploy:dev, release-staging: the environment in a deploying script's name is where it acts
            dev.interlock.analysis.shell.recognizers.TaskTargets.namedTarget(inv, List.of(name), false)
                    .map(t -> t.resource().locator("environment")).filter(e -> !e.isEmpty())
                    .ifPresent(e -> b.locator("environment", e));
            return b.build();
        }
        return local(inv, inv.program() + " run " + name);
    }
}
