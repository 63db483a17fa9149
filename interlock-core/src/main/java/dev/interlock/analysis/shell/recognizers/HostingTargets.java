package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Resource;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a hosting CLI's change lands when it is not the live app. On this machine: wrangler's {@code --local} copies
 * (Miniflare), Firebase's {@code demo-} projects (they exist only in the emulators) and commands pointed at an emulator
 * by its variable ({@code FIRESTORE_EMULATOR_HOST}). In a preview: a deploy without {@code --prod} (netlify, vercel,
 * Deno's deployctl), a Cloudflare Pages deploy of a branch other than the production one, an uploaded Worker version
 * that serves no traffic yet, a KV preview namespace, a Firebase preview channel.
 * A preview has its own URL and leaves the live app as it was, whatever project it belongs to.
 */
final class HostingTargets {

    private HostingTargets() {
    }

    /** The branches Cloudflare Pages projects deploy to production from. */
    private static final Set<String> PRODUCTION_BRANCHES = Set.of("main", "master", "production", "prod", "live");
    /** Deploy CLIs whose deploy is a preview unless told {@code --prod}. */
    private static final Set<String> PREVIEW_BY_DEFAULT = Set.of("netlify", "vercel", "deployctl");
    /** The flags that make such a deploy the live one (vercel's {@code --target} names the environment too). */
    private static final Set<String> PRODUCTION_FLAGS = Set.of("--prod", "--production", "--prod-if-unlocked");
    /** Firebase command families with an emulator; {@link Emulators} names the variable that points each at it. */
    private static final Set<String> EMULATED = Set.of("firestore", "database", "auth");
    /** An emulator's address on this machine or a single-label name (a compose service): never a Google endpoint. */
    private static final Pattern LOCAL_HOST = Pattern.compile(
            "(?i)(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]|::1|[a-z0-9-]+)(:\\d+)?");

    private static final Set<String> VALUED = Set.of("--project", "-P", "--branch", "--project-name", "--site", "--dir",
            "-d", "--alias", "-a", "--env", "-e", "--binding", "--namespace-id", "--config", "-c", "--entrypoint",
            "--token", "--scope", "--target", "--message", "--expires", "--only", "--id");

    /** The operation, on this machine or in a preview when the command line says so; otherwise as it was. */
    static Operation place(Invocation inv, Operation op) {
        if (!HostingPlatforms.PROGRAMS.contains(inv.program()) || op.verb() == Verb.READ || op.environment() == Tier.LOCAL
                || inv.remote()) {
            return op;
        }
        ParsedArgs p = inv.parse(VALUED);
        Optional<String> here = here(inv, p);
        if (here.isPresent()) {
            return op.withEnvironment(Tier.LOCAL, here.get());
        }
        return preview(inv, p, op).map(why -> op.toBuilder()
                .resource(new Resource(op.resource().type(), op.resource().name(), Map.of()))
                .environment(Tier.DEV, why).build()).orElse(op);
    }

    private static Optional<String> here(Invocation inv, ParsedArgs p) {
        if (inv.program().equals("wrangler") && p.has("--local") && !p.has("--remote")) {
            return Optional.of("wrangler --local acts on the local development copy (Miniflare), not on Cloudflare");
        }
        if (!inv.program().equals("firebase")) {
            return Optional.empty();
        }
        if (p.value("--project", "-P").filter(v -> v.startsWith("demo-")).isPresent()) {
            return Optional.of("a demo- Firebase project exists only in the emulators");
        }
        String command = p.words().isEmpty() ? "" : p.words().getFirst();
        String family = command.contains(":") ? command.substring(0, command.indexOf(':')) : command;
        String variable = EMULATED.contains(family) ? Emulators.GOOGLE_VARIABLES.get(family) : null;
        String emulator = variable == null ? "" : inv.env().getOrDefault(variable, "");
        if (!emulator.isEmpty() && LOCAL_HOST.matcher(emulator).matches()) {
            return Optional.of(variable + " points the command at the emulator on " + emulator);
        }
        return Optional.empty();
    }

    private static Optional<String> preview(Invocation inv, ParsedArgs p, Operation op) {
        List<String> words = p.words();
        String first = words.isEmpty() ? "" : words.getFirst();
        String second = words.size() > 1 ? words.get(1) : "";
        // vercel --target NAME deploys to that environment (production or a custom one), not to a preview; so does a
        // deploy whose flags name an environment (--environment, --stage)
        boolean live = inv.words().stream().anyMatch(PRODUCTION_FLAGS::contains)
                || p.value("--target").filter(t -> !t.equals("preview")).isPresent()
                || !op.resource().locator("environment").isEmpty();
        if (PREVIEW_BY_DEFAULT.contains(inv.program()) && !live
                && (first.equals("deploy") || inv.program().equals("vercel") && (first.isEmpty() || first.startsWith("."))
                || first.equals("deployments") && second.equals("redeploy"))) {
            return Optional.of(inv.program() + " without --prod makes a preview deployment on its own URL");
        }
        if (inv.program().equals("wrangler")) {
            Optional<String> branch = p.value("--branch");
            if (first.equals("pages") && (second.equals("deploy") || second.equals("publish")) && branch.isPresent()
                    && !PRODUCTION_BRANCHES.contains(branch.get().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of("a Pages deployment of branch " + branch.get() + " is a preview on its own URL");
            }
            if (first.equals("kv") && p.has("--preview") && !p.value("--preview").filter(v -> v.equals("false")).isPresent()) {
                return Optional.of("the binding's preview namespace, which only wrangler dev sessions use");
            }
            if (first.equals("versions") && second.equals("upload")) {
                return Optional.of("wrangler versions upload uploads a version that serves no traffic until it is deployed");
            }
        }
        if (inv.program().equals("firebase") && Regex.matches(first, "hosting:channel:(deploy|delete)")
                && words.size() > 1 && !second.equals("live")) {
            return Optional.of("the Firebase Hosting channel " + second + " is a preview; the live channel is not touched");
        }
        return Optional.empty();
    }
}
