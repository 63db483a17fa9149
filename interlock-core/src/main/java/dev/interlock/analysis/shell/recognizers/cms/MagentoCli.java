package dev.interlock.analysis.shell.recognizers.cms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Magento's (Adobe Commerce's) {@code bin/magento}, one command table by its colon names. Status, show and list
 * commands read; cache, index, module, configuration and deployment commands change the store; {@code setup:upgrade}
 * migrates its database; {@code setup:uninstall} drops it; {@code admin:user:create} makes an administrator. It acts on
 * the store installed where it runs, so the directory ({@code /var/www/magento-prod/current}) or a route to another
 * machine places it ({@link SiteTarget}).
 */
final class MagentoCli {

    private MagentoCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "list help", local("magento"))
            .add("app config", "status", read("config"))
            .add("cache", "status", read("cache"))
            .add("config", "show", read("config"))
            .add("deploy mode", "show", read("store"))
            .add("indexer", "info status show-mode show-dimensions-mode", read("index"))
            .add("info", "adminuri", read("store"))
            .add("info backups", "list", read("store"))
            .add("info currency", "list", read("store"))
            .add("info language", "list", read("store"))
            .add("info timezone", "list", read("store"))
            .add("info dependencies", "show-modules show-framework show-modules-circular", read("store"))
            .add("maintenance", "status", read("store"))
            .add("module", "status", read("module"))
            .add("setup db", "status", read("schema"))
            .add("store", "list", read("store"))
            .add("store website", "list", read("store"))
            .add("queue consumers", "list", read("queue"))
            .add("dev di", "info", read("store"))
            .add("i18n", "collect-phrases pack uninstall", local("magento"))
            .add("dev tests", "run", local("magento"))
            .add("admin user", "create", grant("user").note("creates an administrator account for the store's admin"))
            .add("admin user", "unlock", update("user"))
            .add("security tfa", "reset", update("user").note("resets an administrator's two-factor login"))
            .add("cache", "clean flush enable disable", update("cache"))
            .add("config", "set", update("config"))
            .add("config sensitive", "set", update("config"))
            .add("app config", "import dump", update("config"))
            .add("cron", "run", execute("cron"))
            .add("cron", "install remove", update("cron"))
            .add("deploy mode", "set", update("store"))
            .add("indexer", "reindex reset set-mode set-dimensions-mode", update("index"))
            .add("maintenance", "enable disable allow-ips", update("store"))
            .add("module", "enable disable", update("module"))
            .add("module", "uninstall", delete("module").losesData().note("removes the module, its code and its data"))
            .add("setup", "upgrade", update("schema").losesData().note("runs the modules' schema and data upgrades on the store's database"))
            .add("setup db-schema", "upgrade", update("schema").losesData())
            .add("setup db-data", "upgrade", update("schema").losesData())
            .add("setup di", "compile", update("code"))
            .add("setup static-content", "deploy", update("code"))
            .add("setup", "install", create("store"))
            .add("setup", "uninstall", delete("database").all().note("drops the store's database and removes its configuration"))
            .add("setup", "rollback", replace("database").all().note("restores a backup over the store's code, media or database"))
            .add("setup", "backup", WordPressCli.COPY.on("store").note("copies the store's database, code or media to a backup"))
            .add("setup config", "set", update("config"))
            .add("setup store-config", "set", update("config"))
            .add("customer hash", "upgrade", update("user").many())
            .add("encryption payment-data", "update", update("config"))
            .add("encryption key", "change", update("config"))
            .add("catalog images", "resize", update("media"))
            .add("catalog product attributes", "cleanup", delete("attribute").many())
            .add("queue consumers", "start", execute("queue"))
            .add("sampledata", "deploy remove reset", update("store"))
            .add("security recaptcha", "disable-for-user-login disable-for-user-forgot-password", update("config"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of());
        List<String> words = p.words().stream().flatMap(w -> Arrays.stream(w.toLowerCase(Locale.ROOT).split(":")))
                .filter(w -> !w.isEmpty()).toList();
        Act act = TABLE.findOrGuess(words, 3, "store").act();
        SiteTarget site = SiteTarget.of(inv, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new SiteTarget.Settings(List.of(), List.of(), List.of(), List.of()));
        String name = p.value("--admin-user").orElse(p.words().size() > 1 ? p.words().get(1) : "");
        Operation op = SiteClis.operation(act, inv, "magento", name);
        if (words.size() > 2 && words.get(0).equals("security") && words.get(1).equals("recaptcha")) {
            op = SecurityControls.marked(op, "captcha");
        }
        return List.of(site.place(SiteControls.marked(op, "magento", words), inv));
    }
}
