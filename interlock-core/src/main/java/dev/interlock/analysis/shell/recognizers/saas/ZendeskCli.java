package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Set;

/**
 * Zendesk's {@code zcli} ({@code apps:update}, {@code themes:publish}): creating, updating and publishing change the
 * Zendesk account every support agent works in (the profile the CLI is signed in to); validating, packaging and the
 * local app server stay on this machine.
 */
final class ZendeskCli {

    private ZendeskCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("apps", "validate package new bump server migrate", local("app"))
            .add("apps", "create", create("app").note("installs a new app in the Zendesk account"))
            .add("apps", "update", update("app").note("updates the app installed in the Zendesk account"))
            .add("themes", "preview migrate check", local("theme"))
            .add("themes", "list", read("theme"))
            .add("themes", "import", create("theme"))
            .add("themes", "publish update", update("theme"))
            .add("themes", "delete", delete("theme"))
            .add("", "login logout profiles help version autocomplete plugins", local("cli"))
            .build();
    private static final Placement ACCOUNT = Placement.of("account", "--subdomain", "-s", "--profile", "-p")
            .orVariables("ZENDESK_SUBDOMAIN");
    private static final Set<String> VALUED = Set.of("--subdomain", "-s", "--themeId", "--theme-id", "--port", "--bind",
            "--profile", "-p", "--brandId");

    static Operation recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words());
        var found = TABLE.findOrGuess(words, 2, "resource");
        String name = words.size() > found.words() ? words.get(found.words()) : p.value("--themeId", "--theme-id").orElse("");
        return found.act().placed(inv, "zendesk", name, ACCOUNT.locators(inv, p), Tier.UNKNOWN, "");
    }
}
