package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Set;

/**
 * HubSpot's {@code hs}: {@code fetch} and listings download or read the account's Design Manager, files and tables;
 * {@code upload}, {@code watch}, {@code project upload|deploy} and {@code functions deploy} change what the account
 * serves; {@code remove} and {@code hubdb clear|delete} lose content. The account ({@code --account}, {@code -a}) says
 * where; {@code project dev} runs against a developer test account.
 */
final class HubSpotCli {

    private HubSpotCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "fetch list ls logs open", read("design-manager"))
            .add("", "upload watch mv", update("design-manager"))
            .add("", "remove", delete("design-manager"))
            .add("", "create lint init auth accounts config completion doctor feedback help version", local("cli"))
            .add("project", "dev create add init migrate install-deps validate", local("project"))
            .add("project", "upload deploy watch", update("project"))
            .add("project", "download logs list-builds open info list", read("project"))
            .add("hubdb", "fetch list", read("hubdb-table"))
            .add("hubdb", "create", create("hubdb-table"))
            .add("hubdb", "delete", delete("hubdb-table").many())
            .add("hubdb", "clear", delete("hubdb-rows").many().note("deletes every row of the table"))
            .add("secrets", "list", read("secret-names"))
            .add("secrets", "add update", update("secret"))
            .add("secrets", "delete", delete("secret"))
            .add("functions", "list ls", read("function"))
            .add("functions", "deploy", update("function"))
            .add("functions", "server", local("function"))
            .add("filemanager", "fetch", read("file"))
            .add("filemanager", "upload", update("file"))
            .add("custom-object schema", "fetch fetch-all list", read("schema"))
            .add("custom-object schema", "create update", update("schema"))
            .add("custom-object schema", "delete", delete("schema").many())
            .add("custom-object", "create", create("object"))
            .add("theme", "preview generate-selectors", local("theme"))
            .add("theme", "marketplace-validate", read("theme"))
            .add("cms", "lighthouse-score", read("page"))
            .add("sandbox", "create", create("sandbox"))
            .add("sandbox", "delete", delete("sandbox"))
            .add("sandbox", "sync", update("sandbox"))
            .build();
    private static final Placement ACCOUNT = Placement.of("account", "--account", "-a", "--portal", "-p");
    private static final Set<String> VALUED = Set.of("--account", "-a", "--portal", "-p", "--mode", "-m", "--path",
            "--name", "--dest", "--src", "--type", "--profile", "--buildId", "--build-id", "--dest-account");

    static Operation recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words());
        var found = TABLE.findOrGuess(words, 2, "resource");
        Act act = found.act();
        String name = found.name(words);
        return act.placed(inv, "hubspot", name, ACCOUNT.locators(inv, p), Tier.UNKNOWN, "");
    }
}
