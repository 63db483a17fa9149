package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ConfigCat's {@code configcat} CLI: listings and {@code value show} read; value, targeting and percentage updates
 * change a flag in the environment {@code --environment-id} names (an id, which only the inventory places: unknown
 * otherwise); removing a flag removes it from production too, and removing a product, config or environment removes
 * every flag in it. {@code sdk-key} prints every environment's SDK keys; {@code scan} and {@code workspace} stay here.
 */
final class ConfigCatCli {

    private ConfigCatCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "ls eval", read("feature-flag"))
            .add("", "sdk-key", credential("sdk-key").note("prints the SDK key of every environment, production's included"))
            .add("product", "ls", read("product"))
            .add("product", "create update", update("product"))
            .add("product", "rm", delete("project").all().note("deletes the product with its configs, environments and flags"))
            .add("config", "ls", read("config"))
            .add("config", "create update", update("config"))
            .add("config", "rm", delete("config").all().note("deletes the config with every flag in it"))
            .add("environment", "ls", read("environment"))
            .add("environment", "create update", update("environment"))
            .add("environment", "rm", delete("environment").all().note("deletes the environment with every flag's values in it"))
            .add("flag", "ls", read("feature-flag"))
            .add("flag", "create", create("feature-flag"))
            .add("flag", "update attach detach", update("feature-flag"))
            .add("flag", "rm", delete("feature-flag").note("removes the flag from every environment, production included"))
            .add("flag value", "show", read("feature-flag"))
            .add("flag value", "update", update("feature-flag"))
            .add("flag targeting", "create update rm move", update("feature-flag"))
            .add("flag percentage", "update clear", update("feature-flag"))
            .add("segment", "ls show", read("segment"))
            .add("segment", "create update", update("segment"))
            .add("segment", "rm", delete("segment"))
            .add("tag", "ls", read("tag"))
            .add("tag", "create update rm", update("tag"))
            .add("webhook", "ls show", read("webhook"))
            .add("webhook", "create update rm", update("webhook"))
            .add("permission-group", "ls show", read("permission-group"))
            .add("permission-group", "create update rm env", grant("permission-group"))
            .add("member", "lsio lsp lspg", read("member"))
            .add("member", "invite add-permission rm-permission rm", grant("member"))
            .add("config-json", "get convert", read("config-json"))
            .add("", "setup workspace scan cat help", local("configcat"))
            .build();

    /** The CLI's short names for its commands, at the first and second word. */
    private static final Map<String, String> TOP = Map.ofEntries(Map.entry("p", "product"), Map.entry("c", "config"),
            Map.entry("e", "environment"), Map.entry("setting", "flag"), Map.entry("f", "flag"), Map.entry("s", "flag"),
            Map.entry("flag-v2", "flag"), Map.entry("f2", "flag"), Map.entry("seg", "segment"), Map.entry("t", "tag"),
            Map.entry("wh", "webhook"), Map.entry("pg", "permission-group"), Map.entry("m", "member"), Map.entry("k", "sdk-key"),
            Map.entry("ws", "workspace"));
    private static final Map<String, String> UNDER_FLAG = Map.of("v", "value", "t", "targeting", "%", "percentage");

    private static final Set<String> WHOLE = Set.of("flag rm");
    private static final Set<String> VALUED = Set.of("--environment-id", "-e", "--flag-id", "-i", "--setting-id", "--config-id",
            "-c", "--product-id", "-p", "--segment-id", "--name", "-n", "--key", "-k", "--hint", "-H", "--flag-value", "-f",
            "--tag-ids", "--setting-type", "-t", "--description", "-d", "--color", "--rule-id", "--position", "--attribute",
            "-a", "--comparator", "--compare-to", "--init-value", "--repo", "-r", "--file", "--sdk-key", "--base-url");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = new ArrayList<>(SaasAdmin.commandWords(p.words()));
        if (!words.isEmpty()) {
            words.set(0, TOP.getOrDefault(words.getFirst(), words.getFirst()));
        }
        if (words.size() > 1 && words.getFirst().equals("flag")) {
            words.set(1, UNDER_FLAG.getOrDefault(words.get(1), words.get(1)));
        }
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "feature-flag");
        String environment = WHOLE.contains(found.command()) || found.command().equals("sdk-key") ? "production"
                : p.value("--environment-id", "-e").orElse("");
        String name = p.value("--flag-id", "-i", "--setting-id", "--segment-id", "--config-id", "-c", "--product-id", "-p",
                "--environment-id", "-e").orElse("");
        return found.act().placed(inv, "configcat", name, Map.of("environment", environment), Tier.UNKNOWN, "");
    }
}
