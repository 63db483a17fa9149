package dev.interlock.analysis.shell.recognizers.registries;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.CommandTable.Found;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JFrog CLI ({@code jf}, and {@code jfrog} of version 1): Artifactory's artifacts, builds and repositories, release
 * bundles, Xray scans. The server a command acts on is the configuration {@code --server-id} names, placed by the
 * inventory like a profile ({@code prod-artifactory} is prod), or the host of {@code --url}; with neither it is the
 * default server, unknown. Searching and downloading read (a prod read is allowed); uploading, moving, properties and
 * promotions change the repository; deleting loses artifacts, except snapshot builds, which the next build makes again.
 * The wrapped build tools ({@code jf npm publish}, {@code jf mvn deploy}, {@code jf docker push}) are judged as the tool.
 */
public final class JfrogCli implements Recognizer {

    private static final String SYSTEM = "artifactory";

    private static final Set<String> VALUED = Set.of("--server-id", "--url", "--artifactory-url", "--platform-url",
            "--distribution-url", "--xray-url", "--user", "--password", "--access-token", "--ssh-key-path",
            "--client-cert-path", "--client-cert-key-path", "--spec", "--spec-vars", "--props", "--exclude-props",
            "--target-props", "--build", "--build-name", "--build-number", "--module", "--project", "--threads",
            "--split-count", "--min-split", "--limit", "--offset", "--sort-by", "--sort-order", "--retries",
            "--retry-wait-time", "--exclusions", "--bundle", "--status", "--comment", "--source-repo", "--repo",
            "--format", "--watches", "--min-severity", "--fail", "--max-days", "--max-builds", "--exclude-builds",
            "--target-path", "--signing-key", "--dist-rules", "--site", "--city", "--country-codes", "--environment",
            "--include-repos", "--exclude-repos", "--repo-resolve", "--repo-deploy", "--vars", "--method");

    /** Wrapped build tools: {@code jf npm publish} is {@code npm publish} with Artifactory as the registry. */
    private static final Set<String> BUILD_TOOLS = Set.of("npm", "yarn", "pnpm", "mvn", "gradle", "pip", "pipenv",
            "poetry", "twine", "go", "dotnet", "nuget", "docker", "podman", "helm", "terraform", "conan");

    private static final Act REMOTE_CONFIG = local("configuration").note("changes the JFrog CLI's server configuration on this machine");

    private static final CommandTable COMMANDS = CommandTable.builder()
            // Artifactory
            .add("rt", "search s ping p build-scan bs", read("artifact"))
            .add("rt", "download dl", read("artifact").note("downloads artifacts to this machine"))
            .add("rt", "upload u go-publish gp", create("artifact").note("uploads artifacts to the repository"))
            .add("rt", "copy cp", create("artifact").many().note("copies artifacts into another repository path"))
            .add("rt", "move mv", update("artifact").many().note("moves artifacts out of their repository path"))
            .add("rt", "delete del", delete("artifact").note("deletes artifacts from the repository"))
            .add("rt", "set-props sp delete-props delp", update("properties").note("changes artifacts' properties"))
            .add("rt", "build-publish bp", create("build").note("publishes build info to the server"))
            .add("rt", "build-promote bpr docker-promote dpr",
                    update("build").note("promotes a build: its status changes and its artifacts move or copy to the target repository"))
            .add("rt", "build-discard bdi", delete("build").many().note("discards published builds and their history"))
            .add("rt", "build-collect-env bce build-add-git bag build-add-dependencies bad build-append ba build-clean bc "
                    + "repo-template rpt", local("build"))
            .add("rt", "repo-create rc repo-update ru", update("repository").note("creates or reconfigures a repository"))
            .add("rt", "repo-delete rdel", delete("repository").all().note("deletes a repository with every artifact in it"))
            .add("rt", "replication-create rplc", update("replication"))
            .add("rt", "replication-delete rpldel", delete("replication"))
            .add("rt", "permission-target-create ptc permission-target-update ptu users-create uc group-create gc "
                    + "group-add-users gau", grant("permission"))
            .add("rt", "permission-target-delete ptdel users-delete udel group-delete gdel", delete("permission"))
            .add("rt", "access-token-create atc", credential("token").note("creates an access token"))
            // the platform
            .add("", "access-token-create atc login", credential("token").note("creates or stores a JFrog access token"))
            .add("", "audit aud scan s curation-audit ca sbom-enrich se", read("artifact"))
            .add("xr", "audit scan curl", read("artifact"))
            .add("config", "show s", local("configuration"))
            .add("c", "show s", local("configuration"))
            .add("config", "export ex", credential("configuration").note("prints a configuration token with the server's credentials"))
            .add("c", "export ex", credential("configuration").note("prints a configuration token with the server's credentials"))
            .add("config", "add edit import im remove rm use", REMOTE_CONFIG)
            .add("c", "add edit import im remove rm use", REMOTE_CONFIG)
            .add("", "npm-config npmc yarn-config yarnc mvn-config mvnc gradle-config gradlec pip-config pipc "
                    + "go-config goc nuget-config nugetc dotnet-config dotnetc terraform-config tfc poetry-config poc "
                    + "setup options completion help intro", local("configuration"))
            // release bundles: v2 at the top level, v1 under ds (distribution)
            .add("", "release-bundle-create rbc", create("release-bundle"))
            .add("", "release-bundle-promote rbp release-bundle-distribute rbd release-bundle-annotate rba",
                    update("release-bundle").note("promotes or distributes a release bundle to its target environment"))
            .add("", "release-bundle-delete-local rbdell release-bundle-delete-remote rbdelr", delete("release-bundle"))
            .add("", "release-bundle-export rbe", read("release-bundle"))
            .add("ds", "release-bundle-create rbc release-bundle-update rbu release-bundle-sign rbs", update("release-bundle"))
            .add("ds", "release-bundle-distribute rbd", update("release-bundle").note("distributes a release bundle to edge nodes"))
            .add("ds", "release-bundle-delete rbdel", delete("release-bundle"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("jf", "jfrog");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h", "--version", "-v")) {
            return List.of(read("installation").operation(inv, SYSTEM, "").build());
        }
        String first = words.getFirst();
        if (BUILD_TOOLS.contains(first)) {
            return wrappedTool(inv, nested, first);
        }
        if (Set.of("rt", "xr").contains(first) && words.size() > 1 && words.get(1).equals("curl")) {
            return List.of(curl(inv, p, first));
        }
        Found found = COMMANDS.findOrGuess(words, words.size() > 1 && Set.of("rt", "ds", "xr", "c", "config").contains(first) ? 2 : 1,
                "artifact");
        List<String> operands = words.subList(found.words(), words.size());
        String target = operands.isEmpty() ? p.value("--spec").orElse("") : operands.getFirst();
        Act act = found.act();
        if (p.has("--dry-run") && !p.value("--dry-run").orElse("true").equals("false") && act.verb() != Verb.READ) {
            act = read(act.type()).note("a dry run: reports what it would change");
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(place(inv, p, refine(act, found.command(), operands, p), target));
        downloadTarget(inv, found.command(), operands).ifPresent(ops::add);
        return ops;
    }

    /**
     * Deletes and moves of a wildcard, a folder or a file spec touch many artifacts; a snapshot build (a
     * {@code -SNAPSHOT} version or a snapshot repository) is made again by the next build, so removing it loses nothing.
     */
    private static Act refine(Act act, String command, List<String> operands, ParsedArgs p) {
        String path = operands.isEmpty() ? "" : operands.getFirst();
        boolean wide = path.contains("*") || path.endsWith("/") || operands.isEmpty() && p.has("--spec");
        if (!command.endsWith(" delete") && !command.endsWith(" del")) {
            return act;
        }
        Act out = wide ? act.many() : act;
        if (snapshot(path)) {
            return new Act(Verb.DELETE, out.type(), false, false, out.scope(),
                    "deletes snapshot builds, which the next build publishes again");
        }
        return out;
    }

    private static boolean snapshot(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        String repository = slash < 0 ? lower : lower.substring(0, slash);
        return !path.isEmpty() && (repository.contains("snapshot") || lower.contains("-snapshot"))
                && !repository.contains("release");
    }

    /** The operation on the server the command line names: {@code --server-id} through the inventory, or {@code --url}'s host. */
    private static Operation place(Invocation inv, ParsedArgs p, Act act, String name) {
        Map<String, String> locators = new LinkedHashMap<>();
        locators.put("profile", p.value("--server-id").orElse(""));
        locators.put("host", p.value("--url", "--artifactory-url", "--platform-url").map(Hosts::of).orElse(""));
        Operation.Builder b = act.operation(inv, SYSTEM, name);
        if (act.here()) {
            return b.build();
        }
        return act.placed(inv, SYSTEM, name, locators, Tier.UNKNOWN, "");
    }

    /** {@code jf rt dl REPO/PATH ./lib/}: the files land on this machine, where they are written. */
    private static Optional<Operation> downloadTarget(Invocation inv, String command, List<String> operands) {
        if (!(command.equals("rt download") || command.equals("rt dl")) || operands.size() < 2) {
            return Optional.empty();
        }
        String target = operands.get(1);
        return Optional.of(LocalFiles.on(inv, Verb.CREATE, "directory", target)
                .note("writes the downloaded artifacts here").build());
    }

    /** {@code jf rt curl -XDELETE /api/…}: the method decides, as for curl itself. */
    private static Operation curl(Invocation inv, ParsedArgs p, String group) {
        String method = "GET";
        List<String> all = inv.words();
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            if ((w.equals("-X") || w.equals("--request")) && i + 1 < all.size()) {
                method = all.get(i + 1);
            } else if (w.startsWith("-X") && w.length() > 2) {
                method = w.substring(2);
            } else if (w.startsWith("--request=")) {
                method = w.substring("--request=".length());
            }
        }
        List<String> words = p.words();
        String path = words.size() > 2 ? words.get(2) : "";
        Act act = switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> read("api");
            case "DELETE" -> delete("api");
            default -> update("api");
        };
        return place(inv, p, act.note("jf " + group + " curl " + method + " " + path), path);
    }

    /** {@code jf mvn deploy}, {@code jf npm publish}: the tool's own command, with Artifactory as its registry. */
    private static List<Operation> wrappedTool(Invocation inv, Nested nested, String tool) {
        List<String> rest = new ArrayList<>();
        boolean started = false;
        for (Arg a : inv.args()) {
            if (started) {
                rest.add(a.shellText());
            }
            started = started || a.value().equals(tool);
        }
        return nested.shell(tool + (rest.isEmpty() ? "" : " " + String.join(" ", rest)), inv);
    }
}
