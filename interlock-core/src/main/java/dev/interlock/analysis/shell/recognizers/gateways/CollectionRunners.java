package dev.interlock.analysis.shell.recognizers.gateways;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.api.MethodNames;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Postman collection runs ({@code newman run C}, {@code postman collection run C}): the collection's requests go to
 * whatever its environment names, so the run is placed by the environment file's name ({@code -e staging.json},
 * {@code local.postman_environment.json} is this machine) or by a URL passed in {@code --env-var}. What the requests do
 * is in the collection, not on the command line: a run executes them, and one named for removing
 * ({@code purge-test-tenants}) deletes. Anything else the CLIs do (login, linting) stays here.
 */
final class CollectionRunners {

    private CollectionRunners() {
    }

    private static final Set<String> VALUED = Set.of("-e", "--environment", "-g", "--globals", "--env-var", "--global-var",
            "-r", "--reporters", "-n", "--iteration-count", "-d", "--iteration-data", "--folder", "-i", "--working-dir",
            "--export-environment", "--export-globals", "--export-collection", "--delay-request", "--timeout",
            "--timeout-request", "--timeout-script", "--ssl-client-cert", "--ssl-client-key", "--ssl-client-passphrase",
            "--ssl-extra-ca-certs", "--cookie-jar", "--reporter-junit-export", "--reporter-html-export", "--reporter-json-export",
            "--reporter-htmlextra-export", "--integration-id", "--bail");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        // newman run C; postman collection run C
        int run = words.indexOf("run");
        if (run < 0 || run + 1 >= words.size()) {
            return CommandTable.local("collection").placed(inv, "postman", String.join(" ", words), Map.of(),
                    Tier.UNKNOWN, "");
        }
        String collection = words.get(run + 1);
        String stem = collection.substring(collection.lastIndexOf('/') + 1).replaceFirst("(?i)(\\.postman_collection)?\\.json$", "");
        Act act = MethodNames.removes(stem) ? CommandTable.delete("collection").many()
                .note("runs a collection named for removing (" + stem + ")")
                : CommandTable.execute("collection").note("sends the collection's requests; what they change is in the collection");
        String environment = p.value("-e", "--environment").map(CollectionRunners::environmentName).orElse("");
        String host = url(p.flags().getOrDefault("--env-var", List.of())).or(() -> url(p.flags().getOrDefault("--global-var", List.of())))
                .map(Hosts::of).orElse("");
        boolean local = host.isEmpty() && Regex.find(environment, "(?i)(^|[-_. ])(local|localhost|docker)($|[-_. ])");
        return act.placed(inv, "postman", stem, Map.of("host", host, "environment", local ? "" : environment),
                local ? Tier.LOCAL : Tier.UNKNOWN, "the environment file " + environment + " names this machine");
    }

    /** {@code envs/production.json}, {@code staging.postman_environment.json} → production, staging; an id or URL names nothing. */
    private static String environmentName(String file) {
        if (file.contains("://") || !Regex.find(file, "(?i)\\.json$")) {
            return "";
        }
        return file.substring(file.lastIndexOf('/') + 1).replaceFirst("(?i)(\\.postman_environment)?\\.json$", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The first URL among {@code name=value} variables (baseUrl=https://api.prod.acme.io). */
    private static Optional<String> url(List<String> variables) {
        return variables.stream().map(v -> v.substring(v.indexOf('=') + 1)).filter(v -> Regex.find(v, "^[a-zA-Z]+://")).findFirst();
    }
}
