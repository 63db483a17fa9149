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
import java.util.Set;

/**
 * Shopify's CLI for themes, apps and Hydrogen storefronts. Publishing a theme, pushing to the live theme
 * ({@code --live}), and deploying or releasing an app change what every shopper or merchant gets; a development or
 * unpublished theme ({@code --development}, {@code --unpublished}) is a developer's own; pulls and listings read; the
 * app's and storefront's environment variables ({@code app env show|pull}, {@code hydrogen env pull}) hold its API
 * secret.
 */
final class ShopifyCli {

    private ShopifyCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("theme", "dev check init package language-server", local("theme"))
            .add("theme", "pull list info open console profile", read("theme"))
            .add("theme metafields", "pull", read("theme"))
            .add("theme", "push rename", update("theme"))
            .add("theme", "share duplicate", create("theme").note("uploads an unpublished copy of the theme"))
            .add("theme", "delete", delete("theme"))
            .add("app", "dev build generate init info import-extensions", local("app"))
            .add("app function", "build run replay schema typegen", local("function"))
            .add("app config", "link use validate", local("app-config"))
            .add("app webhook", "trigger", local("webhook").note("sends a sample webhook to the address given"))
            .add("app versions", "list", read("app-version"))
            .add("app", "logs", read("app"))
            .add("app logs", "sources", read("app"))
            .add("app env", "show pull", credential("app-secret").note("prints the app's API key and secret"))
            .add("hydrogen", "dev build preview codegen generate setup init check debug link list login logout unlink upgrade shortcut",
                    local("storefront"))
            .add("hydrogen env", "list", read("storefront-environment"))
            .add("hydrogen env", "pull", credential("storefront-secret").note("writes the storefront's secrets to .env"))
            .add("hydrogen env", "push", update("storefront-environment"))
            .add("", "version help upgrade search commands config plugins auth", local("cli"))
            .build();
    /** Commands that change what is live for every shopper or merchant. */
    private static final CommandTable LIVE = CommandTable.builder()
            .add("theme", "publish", update("theme").note("makes the theme the store's live theme"))
            .add("app", "deploy release", update("app").note("releases an app version to every merchant who installed it"))
            .add("app config", "push", update("app-config").note("changes the released app's configuration"))
            .add("hydrogen", "deploy", update("storefront").note("deploys the storefront"))
            .build();
    private static final Set<String> VALUED = Set.of("--store", "-s", "--theme", "-t", "--path", "--password",
            "--environment", "-e", "--only", "-o", "--ignore", "-x", "--client-id", "--config", "-c", "--message",
            "--version", "--port", "--host", "--host-theme", "--live-reload", "--name", "-n", "--source-control-url",
            "--env-branch", "--env", "--token", "--shop", "--api-version", "--topic", "--address", "--delivery-method");

    static Operation recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words());
        var live = LIVE.find(words);
        Act act = live.map(CommandTable.Found::act).orElseGet(() -> TABLE.findOrGuess(words, 2, "resource").act());
        String environment = p.value("--environment", "-e", "--env", "--env-branch").orElse("");
        if (p.has("--development", "-d", "--unpublished", "-u") || p.has("--preview")) {
            environment = "development";
        } else if (live.isPresent() && !p.has("--no-release") || p.has("--live", "-l", "--allow-live")) {
            environment = "live";
        }
        String name = p.value("--theme", "-t", "--version", "--name", "-n").orElse(words.isEmpty() ? "" : words.getFirst());
        return act.placed(inv, "shopify", name,
                Map.of("environment", environment, "account", p.value("--store", "-s", "--shop").orElse("")), Tier.UNKNOWN, "");
    }
}
