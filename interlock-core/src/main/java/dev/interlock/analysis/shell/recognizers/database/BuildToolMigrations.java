package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flyway and Liquibase run through the build: Maven goals ({@code mvn flyway:migrate},
 * {@code mvn org.liquibase:liquibase-maven-plugin:dropAll}) and Gradle tasks ({@code flywayClean}, Liquibase's bare
 * {@code update}, {@code dropAll}, {@code rollbackCount}). They do what the CLIs do, so they are handed to
 * {@link MigrationRecognizer} as the CLI command, with the database the build names by property
 * ({@code -Dflyway.url=jdbc:…}, {@code -Pliquibase.url=…}); {@code FLYWAY_URL} and {@code LIQUIBASE_COMMAND_URL} are
 * read there like for the CLIs. sbt-flyway's tasks ({@code flywayClean}) are read the same way, with the URL a
 * {@code set flywayUrl := "jdbc:…"} command gives. Without either, the plugin's configuration in the build file decides: unknown.
 */
public final class BuildToolMigrations {

    /** Liquibase Gradle task names too generic to mean Liquibase on their own (other plugins use them too). */
    private static final Set<String> GENERIC_TASKS = Set.of("tag", "diff", "validate", "status", "history", "snapshot");
    /** Build properties and the CLI flag each stands for, per tool. */
    private static final Map<String, Map<String, String>> PROPERTIES = Map.of(
            "flyway", Map.of("flyway.url", "-url", "flyway.configFiles", "-configFiles", "flyway.environment", "-environment"),
            "liquibase", Map.of("liquibase.url", "--url", "liquibase.command.url", "--url", "liquibase.propertyFile",
                    "--defaults-file", "liquibase.defaultsFile", "--defaults-file"));

    private BuildToolMigrations() {
    }

    /** A Maven goal of the Flyway or Liquibase plugin ({@code prefix:goal} or {@code group:artifact[:version]:goal}). */
    public static Optional<List<Operation>> maven(Invocation inv, String goal, Nested nested) {
        int colon = goal.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String plugin = goal.substring(0, colon).toLowerCase(Locale.ROOT);
        String command = goal.substring(colon + 1);
        String tool = plugin.contains("flyway") ? "flyway" : plugin.contains("liquibase") ? "liquibase" : "";
        return tool.isEmpty() ? Optional.empty() : Optional.of(run(inv, tool, command, nested));
    }

    /** A Gradle task of the Flyway plugin ({@code flywayMigrate}) or the Liquibase plugin ({@code dropAll}). */
    public static Optional<List<Operation>> gradle(Invocation inv, String task, Nested nested) {
        String t = task.substring(task.lastIndexOf(':') + 1);
        if (t.startsWith("flyway") && t.length() > "flyway".length()) {
            return Optional.of(run(inv, "flyway", t.substring("flyway".length()), nested));
        }
        String normalized = t.toLowerCase(Locale.ROOT);
        if (!GENERIC_TASKS.contains(t) && MigrationTable.lookup("liquibase " + normalized) != null) {
            return Optional.of(run(inv, "liquibase", t, nested));
        }
        return Optional.empty();
    }

    /** sbt's {@code set} command giving a plugin's setting ({@code set flywayUrl := "jdbc:…"}, {@code set ThisBuild / flywayUrl := …}). */
    private static final java.util.regex.Pattern SBT_SETTING = java.util.regex.Pattern.compile(
            "set\\s+(?:[\\w.]+\\s*/\\s*)*(flyway|liquibase)(\\w+)\\s*:=\\s*\"([^\"]*)\"");

    /** sbt-flyway's tasks ({@code sbt flywayMigrate}, {@code sbt core/flywayClean}; also in a {@code ;}-list), as Gradle's. */
    public static Optional<List<Operation>> sbt(Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        for (String word : inv.words()) {
            for (String command : word.split(";")) {
                String task = command.strip();
                task = task.substring(task.lastIndexOf('/') + 1);
                if (task.startsWith("flyway") && task.length() > "flyway".length() && task.matches("\\w+")) {
                    ops.addAll(run(inv, "flyway", task.substring("flyway".length()), nested));
                }
            }
        }
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
    }

    private static List<Operation> run(Invocation inv, String tool, String command, Nested nested) {
        List<Arg> args = new ArrayList<>(List.of(Arg.of(command.toLowerCase(Locale.ROOT))));
        properties(inv).forEach((name, value) -> {
            String flag = PROPERTIES.get(tool).get(name);
            if (flag != null) {
                args.add(Arg.of(flag));
                args.add(Arg.of(value));
            }
        });
        List<Operation> ops = new MigrationRecognizer().recognize(inv.withProgram(tool, args), nested);
        Optional<String> profile = profileEnvironment(inv);
        if (profile.isEmpty()) {
            return ops;
        }
        // a build profile named for an environment (mvn -Pdev, gradle -Penv=prod) selects that environment's database
        return ops.stream().map(op -> op.resource().locator("environment").isEmpty()
                ? op.toBuilder().locator("environment", profile.get()).build() : op).toList();
    }

    /** Profile names for a developer's own database. */
    private static final Set<String> DEVELOPMENT = Set.of("dev", "development", "test", "ci", "sandbox");

    /** Build properties that name the environment a build is configured for. */
    private static final Set<String> ENVIRONMENT_PROPERTIES = Set.of("env", "environment", "profile", "stage",
            "spring.profiles.active");

    /**
     * The environment the build's profiles or properties name: Maven's {@code -Pdev} and {@code --activate-profiles
     * dev,h2}, or {@code -Penv=prod}/{@code -Dspring.profiles.active=staging}.
     */
    private static Optional<String> profileEnvironment(Invocation inv) {
        List<String> names = new ArrayList<>();
        properties(inv).forEach((name, value) -> {
            if (ENVIRONMENT_PROPERTIES.contains(name)) {
                names.addAll(List.of(value.split(",")));
            }
        });
        List<String> words = inv.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String list = w.startsWith("--activate-profiles=") ? w.substring(w.indexOf('=') + 1)
                    : (w.equals("-P") || w.equals("--activate-profiles")) && i + 1 < words.size() ? words.get(i + 1)
                    : w.startsWith("-P") && w.length() > 2 ? w.substring(2) : "";
            if (!list.contains("=")) {
                names.addAll(List.of(list.split(",")));
            }
        }
        List<String> clean = names.stream().map(n -> n.replaceFirst("^[!?]", "")).filter(n -> !n.isEmpty()).toList();
        // a production or staging profile wins over a development one named beside it (-Pprod,local-cache)
        return clean.stream().filter(DeploymentWords::named).findFirst()
                .or(() -> clean.stream().filter(n -> DEVELOPMENT.contains(n.toLowerCase(Locale.ROOT))).findFirst());
    }

    /** {@code -Dname=value} and {@code -Pname=value} (also written {@code -D name=value}); the last one wins. */
    private static Map<String, String> properties(Invocation inv) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> words = inv.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String property = w.startsWith("-D") || w.startsWith("-P") ? w.substring(2) : "";
            if (property.isEmpty() && (w.equals("-D") || w.equals("-P")) && i + 1 < words.size()) {
                property = words.get(++i);
            }
            int eq = property.indexOf('=');
            if (eq > 0) {
                found.put(property.substring(0, eq), property.substring(eq + 1));
            }
            java.util.regex.Matcher setting = SBT_SETTING.matcher(w);
            while (setting.find()) {
                // flywayUrl → flyway.url, as the Maven and Gradle plugins spell the same setting
                String name = setting.group(2);
                found.put(setting.group(1) + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), setting.group(3));
            }
        }
        return found;
    }
}
