package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Stripe CLI: {@code stripe RESOURCE ACTION} ({@code refunds create}, {@code subscriptions cancel}), the raw
 * {@code stripe get|post|delete PATH}, and its developer tools ({@code listen}, {@code trigger}, {@code fixtures}). It
 * works in the live account with {@code --live} or a live key ({@code sk_live_…}, {@code rk_live_…}), where every
 * change moves real money or real customers. Without them it is test mode, a development account: the CLI's own keys
 * default to it, and a key given by flag or {@code STRIPE_API_KEY} counts when it (or its variable's name) says test.
 */
final class StripeCli {

    private StripeCli() {
    }

    /** Commands that are not {@code RESOURCE ACTION}. */
    private static final CommandTable TOOLS = CommandTable.builder()
            .add("", "get", read("api"))
            .add("", "post", update("api"))
            .add("", "delete", delete("api"))
            .add("", "listen logs status open resources version", read("events"))
            .add("logs", "tail", read("logs"))
            .add("", "login logout completion samples serve feedback community daemon plugin plugins help", local("cli"))
            .add("apps", "create start", local("app"))
            .add("apps", "upload", update("app").note("uploads a new version of the Stripe app"))
            // trigger and fixtures create sample objects (customers, charges) in the account's test mode by default
            .add("", "trigger fixtures", create("test-objects"))
            .add("events", "resend", update("event").note("re-delivers the event to the account's webhook endpoints"))
            .add("terminal", "quickstart", local("terminal"))
            .build();
    /** Resource actions that only read; any other action changes the object. */
    private static final Set<String> READING = Set.of("list", "retrieve", "search", "upcoming", "upcoming_lines", "list_line_items");
    private static final Set<String> VALUED = Set.of("-d", "--data", "--api-key", "--project-name", "-p", "-e", "--expand",
            "--stripe-account", "--stripe-version", "-v", "--idempotency", "--limit", "--starting-after", "--ending-before",
            "--forward-to", "-f", "--forward-connect-to", "-c", "--events", "--override", "--add", "--remove", "--skip",
            "--color", "--log-level", "--device-name", "--format", "--filter-account", "--filter-http-method",
            "--filter-status-code", "--filter-request-path", "--filter-ip-address", "--filter-request-status", "--edit");

    static Operation recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words());
        String key = p.value("--api-key").orElse(inv.env().getOrDefault("STRIPE_API_KEY", ""));
        Optional<String> named = TestModes.stripeKey(key, true);
        boolean live = p.has("--live") || named.filter("live"::equals).isPresent();
        // the CLI's own keys (stripe login) are used in test mode unless --live says otherwise; a key given some other
        // way (a variable or flag whose mode is not named) may be either; trigger only works in test mode
        boolean test = !live && (key.isEmpty() || named.isPresent() || !words.isEmpty() && words.getFirst().equals("trigger"));
        String name = "";
        Act act;
        if (words.isEmpty()) {
            act = local("cli");
        } else if (words.getFirst().equals("config")) {
            // config --list prints the stored keys
            act = p.has("--list") ? credential("api-key").note("prints the CLI's stored Stripe keys") : local("config");
        } else {
            var found = TOOLS.find(words);
            if (found.isPresent()) {
                act = found.get().act();
                name = words.size() > found.get().words() ? words.get(found.get().words()) : "";
            } else {
                act = resourceAction(words);
                name = words.size() > 2 ? words.get(2) : "";
            }
        }
        return act.placed(inv, "stripe", name,
                Map.of("environment", live ? "live" : test ? "test" : "", "project", p.value("--project-name", "-p").orElse(""),
                        "account", p.value("--stripe-account").orElse("")),
                Tier.UNKNOWN, "");
    }

    /** {@code RESOURCE ACTION}: listing and retrieving read, deleting deletes, everything else (create, cancel, refund, void) changes. */
    private static Act resourceAction(List<String> words) {
        String resource = words.getFirst();
        String action = words.size() > 1 ? words.get(1) : "";
        if (READING.contains(action) || action.startsWith("list_") || action.startsWith("retrieve_")) {
            return read(resource);
        }
        if (action.equals("delete")) {
            return delete(resource);
        }
        return action.equals("create") ? create(resource) : update(resource).note(action + " changes the " + resource);
    }
}
