package dev.interlock.analysis.shell.recognizers.baas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serverless database CLIs, one table each: Neon's {@code neonctl} (placed by {@code --project-id}), PlanetScale's
 * {@code pscale} and Turso's {@code turso} (placed by the database they name: {@code shop-dev} is dev), Convex's
 * {@code convex} (whose {@code deploy} goes to the production deployment unless told otherwise) and Fauna's
 * {@code fauna} (its FQL judged by the calls it makes, placed by {@code --database}). A new Neon or PlanetScale branch
 * and a PlanetScale deploy request are dev work; deploying the request, promoting, resetting or deleting a branch are
 * not.
 */
public final class ServerlessDatabases implements Recognizer {

    private static final CommandTable NEON = CommandTable.builder()
            .add("branches", "list get", read("branch"))
            .add("branch", "list get", read("branch"))
            .add("branches", "create", create("branch"))
            .add("branch", "create", create("branch"))
            .add("branches", "reset restore", replace("branch").note("replaces the branch's data with its parent's"))
            .add("branch", "reset restore", replace("branch").note("replaces the branch's data with its parent's"))
            .add("branches", "delete", delete("branch"))
            .add("branch", "delete", delete("branch"))
            .add("branches", "set-default", update("branch").note("makes the branch the project's default branch"))
            .add("branch", "set-default", update("branch").note("makes the branch the project's default branch"))
            .add("projects", "list get", read("project"))
            .add("projects", "delete", delete("project").all())
            .add("databases", "list", read("database"))
            .add("databases", "delete", delete("database"))
            .add("", "connection-string", credential("connection-string"))
            .build();
    private static final CommandTable PSCALE = CommandTable.builder()
            .add("branch", "list show diff schema", read("branch"))
            .add("branch", "create", create("branch"))
            .add("branch", "delete", delete("branch"))
            .add("branch", "promote demote", update("branch").note("changes whether the branch is a production branch"))
            .add("deploy-request", "list show diff", read("deploy-request"))
            .add("deploy-request", "create", create("deploy-request"))
            .add("deploy-request", "deploy apply revert",
                    update("database").note("applies (or reverts) the branch's schema change on the database"))
            .add("database", "list show", read("database"))
            .add("database", "delete", delete("database").all())
            .add("password", "list", read("password"))
            .add("password", "create", credential("password").note("mints and prints a database password"))
            .build();
    private static final CommandTable TURSO = CommandTable.builder()
            .add("db", "list show inspect", read("database"))
            .add("db", "create", create("database"))
            .add("db", "destroy", delete("database").all())
            .add("db tokens", "create", credential("token"))
            .build();
    private static final CommandTable CONVEX = CommandTable.builder()
            .add("", "data logs", read("deployment"))
            .add("", "deploy", update("deployment").note("pushes functions and schema to the deployment"))
            .add("", "run", execute("function"))
            .add("", "import", create("table"))
            .add("env", "list get", credential("environment-variable"))
            .add("env", "set remove", update("deployment"))
            .build();
    /**
     * Commands whose result is isolated from the database's production branch, and why: a new branch is a
     * copy-on-write copy of its parent, and a deploy request is a proposal a human deploys (as merging a pull request).
     * They are dev work whichever database or project they name.
     */
    private static final Map<String, String> ISOLATED = Map.of(
            "branches create", "a new branch is a copy-on-write copy of its parent, which it leaves as it was",
            "branch create", "a new branch is a copy-on-write copy of its parent, which it leaves as it was",
            "deploy-request create",
            "a deploy request only proposes the branch's schema change: deploying it is what changes the database");
    /** Words of a Convex command that pick a deployment, and which. */
    private static final Set<String> CONVEX_FLAGS = Set.of("--preview-name", "--deployment-name", "--url", "--admin-key",
            "--limit", "--order", "--table", "--format", "--component", "--preview-create", "--env-file");

    @Override
    public Set<String> programs() {
        return Set.of("neonctl", "pscale", "turso", "convex", "fauna");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || inv.words().contains("--help") || inv.words().contains("-h")) {
            return List.of();
        }
        return switch (inv.program()) {
            case "neonctl" -> neon(inv);
            case "pscale" -> pscale(inv);
            case "turso" -> turso(inv, nested);
            case "convex" -> convex(inv);
            default -> fauna(inv);
        };
    }

    private static List<Operation> neon(Invocation inv) {
        var p = inv.parse(Set.of("--project-id", "--org-id", "--output", "-o", "--name", "--api-key", "--branch",
                "--database-name", "--role-name", "--parent", "--type", "--cu", "--suspend-timeout", "--expires-at",
                "--context-file", "--config-dir"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only options, or everything after --: no command named
        }
        CommandTable.Found f = NEON.findOrGuess(words, 2, "resource");
        String name = words.size() > f.words() ? f.name(words) : p.value("--name").orElse("");
        return List.of(isolated(f, inv, "neon", name).orElseGet(() -> f.act().placed(inv, "neon", name,
                Map.of("project", p.value("--project-id").orElse("")), Tier.UNKNOWN, "")));
    }

    /** The operation of a command in {@link #ISOLATED}: dev work, without the locators that would place its parent. */
    private static Optional<Operation> isolated(CommandTable.Found f, Invocation inv, String system, String name) {
        return Optional.ofNullable(ISOLATED.get(f.command()))
                .map(why -> f.act().placed(inv, system, name, Map.of(), Tier.DEV, why));
    }

    private static List<Operation> pscale(Invocation inv) {
        var p = inv.parse(Set.of("--org", "--format", "-f", "--from", "--region", "--role", "--service-token",
                "--service-token-id", "--restore", "--cluster-size", "--into", "--notes"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only options, or everything after --: no command named
        }
        if (words.getFirst().equals("auth") || words.getFirst().equals("org") || words.getFirst().equals("connect")
                || words.getFirst().equals("shell") && words.size() < 2) {
            return List.of(LocalFiles.local(inv, read("session").operation(inv, "planetscale", ""),
                    "the CLI's own session on this machine").build());
        }
        CommandTable.Found f = PSCALE.findOrGuess(words, 2, "database");
        String database = f.name(words);
        String branch = words.size() > f.words() + 1 ? words.get(f.words() + 1) : "";
        String name = f.act().type().equals("database") ? database : branch;
        return List.of(isolated(f, inv, "planetscale", name).orElseGet(() -> f.act().placed(inv, "planetscale", name,
                Map.of("database", database, "branch", branch), Tier.UNKNOWN, "")));
    }

    private static List<Operation> turso(Invocation inv, Nested nested) {
        var p = inv.parse(Set.of("--group", "--location", "--expiration", "-e", "--from-db", "--from-file"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only options, or everything after --: no command named
        }
        if (words.size() >= 2 && words.get(0).equals("db") && words.get(1).equals("shell")) {
            String database = words.size() > 2 ? words.get(2) : "";
            if (words.size() < 4) {
                return List.of(execute("database").note("an interactive SQL shell").placed(inv, "database", database,
                        Map.of("database", database), Tier.UNKNOWN, ""));
            }
            List<Operation> ops = new ArrayList<>();
            for (Operation op : nested.sql(words.get(3), "sqlite", inv)) {
                ops.add(op.resource().locator("database").isEmpty() ? op.toBuilder().locator("database", database).build() : op);
            }
            return ops;
        }
        if (!words.getFirst().equals("db")) {
            return List.of(LocalFiles.local(inv, read("session").operation(inv, "turso", ""),
                    "the CLI's own settings on this machine").build());
        }
        CommandTable.Found f = TURSO.findOrGuess(words, 2, "database");
        String database = f.name(words);
        return List.of(f.act().placed(inv, "turso", database, Map.of("database", database), Tier.UNKNOWN, ""));
    }

    /**
     * Convex: {@code deploy} targets the production deployment by default (a preview one with {@code --preview-create}
     * or {@code --preview-name}); other commands reach the dev deployment unless {@code --prod} says production.
     */
    private static List<Operation> convex(Invocation inv) {
        var p = inv.parse(CONVEX_FLAGS);
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only options, or everything after --: no command named
        }
        if (words.getFirst().equals("dev") || words.getFirst().equals("codegen") || words.getFirst().equals("typecheck")) {
            return List.of(update("deployment").note("syncs code to the personal dev deployment")
                    .placed(inv, "convex", "dev", Map.of(), Tier.DEV, "convex " + words.getFirst() + " uses the dev deployment"));
        }
        CommandTable.Found f = CONVEX.findOrGuess(words, 1, "deployment");
        Act act = f.act();
        if (f.command().equals("import") && p.has("--replace")) {
            act = replace("table").note("--replace deletes the table's documents first");
        }
        boolean preview = p.has("--preview-create") || p.has("--preview-name");
        boolean prod = f.command().equals("deploy") ? !preview : p.has("--prod");
        String deployment = p.value("--deployment-name").orElse(prod ? "prod" : preview ? "preview" : "dev");
        Tier tier = p.has("--deployment-name") || p.has("--url") ? Tier.UNKNOWN : prod ? Tier.PROD : Tier.DEV;
        return List.of(act.placed(inv, "convex", deployment, Map.of("app", p.value("--deployment-name").orElse("")), tier,
                "convex " + f.command() + " targets the " + deployment + " deployment"));
    }

    /** {@code fauna query FQL --database D}: FQL deletes with {@code .delete()}, writes with create/update/replace. */
    private static List<Operation> fauna(Invocation inv) {
        var p = inv.parse(Set.of("--database", "-d", "--secret", "--input", "--output", "--format", "--profile", "--role",
                "--timeout", "--config", "--url"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only options, or everything after --: no command named
        }
        String database = p.value("--database", "-d").orElse("");
        Map<String, String> at = Map.of("database", database);
        if (!words.getFirst().equals("query") && !words.getFirst().equals("eval") && !words.getFirst().equals("shell")) {
            return List.of(CommandTable.guess(words.getFirst(), "database").placed(inv, "fauna", database, at, Tier.UNKNOWN, ""));
        }
        String fql = words.size() > 1 ? words.get(1) : "";
        Act act = fql.isEmpty() ? execute("database").note("an interactive FQL shell or a query from a file")
                : fql.contains("delete(") || fql.contains(".delete") ? delete("document").note("the FQL deletes documents")
                : fql.matches("(?s).*\\.(create|update|replace|createData|updateData|replaceData)\\(.*")
                        ? update("document") : read("document");
        if (act.verb().destructive() && fql.contains(".all()")) {
            act = act.all();
        }
        return List.of(act.placed(inv, "fauna", database, at, Tier.UNKNOWN, ""));
    }
}
