package dev.interlock.analysis.shell.recognizers.lms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.cms.SiteTarget;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moodle's command-line scripts, {@code php [MOODLE/]admin/cli/NAME.php --options} (also a tool's
 * {@code admin/tool/T/cli/NAME.php}), one row per script: checks and listings read; {@code purge_caches},
 * {@code upgrade}, {@code maintenance --enable} change the site; {@code reset_password} sets an account's password;
 * {@code uninstall_plugins --run} deletes plugins with their data; {@code kill_all_sessions} logs everyone out;
 * {@code install_database} creates the site's tables; {@code backup} copies a course out. A script's "show" flags
 * ({@code --show-all}, {@code --is-pending}, {@code --list}) only read. The site is the install the script belongs to,
 * placed like other site CLIs ({@link SiteTarget}): a directory named for an environment, else this machine's install.
 */
final class MoodleAdminScripts {

    private MoodleAdminScripts() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "checks check_database_schema mysql_compressed_rows cfg maintenance scheduled_task", read("site"))
            .add("", "purge_caches build_theme_css alternative_component_cache", update("cache"))
            .add("", "upgrade", update("schema").note("runs the pending upgrade steps on the site's database"))
            .add("", "reset_password", update("user").note("sets an account's password"))
            .add("", "uninstall_plugins", delete("plugin").losesData().note("uninstalling a plugin drops its tables and data"))
            .add("", "kill_all_sessions", delete("session").all().note("logs every user out"))
            .add("", "install install_database", create("database"))
            .add("", "backup", new Act(Verb.READ, "course", false, false, Scope.ALL,
                    "backs a course up with its users' data to a file: a copy of the site's data"))
            .add("", "restore_backup", create("course"))
            .add("", "delete_course", delete("course"))
            .add("", "cron adhoc_task", execute("cron").note("runs the site's scheduled and queued tasks"))
            .add("", "mysql_collation mysql_engine fix_course_sequence fix_orphaned_question_categories fix_orphaned_calendar_events "
                    + "fix_deleted_users dashboard_reset", update("database").many())
            .add("", "svgtool", local("code"))
            .build();

    /** Flags after which a changing script only reports. */
    private static final Set<String> REPORTS = Set.of("--show-all", "--show-missing", "--show-contrib", "--is-pending",
            "--list", "--help", "--check", "--info");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of());
        List<String> words = p.words();
        String script = words.isEmpty() ? "" : words.getFirst();
        String name = Regex.replaceFirst(script.substring(script.lastIndexOf('/') + 1), "\\.php$", "");
        Act act = TABLE.find(List.of(name)).map(CommandTable.Found::act).orElseGet(() -> CommandTable.guess(name, "site"));
        if (REPORTS.stream().anyMatch(p::has) && !p.has("--run") && !p.has("--fix") && act.verb() != Verb.READ) {
            act = read(act.type()).note("only reports");
        }
        switch (name) {
            case "cfg" -> {
                if (p.has("--set") || p.has("--unset")) {
                    act = update("config");
                } else if (p.value("--name").filter(n -> Regex.find(n, "(?i)pass|secret|token|key")).isPresent()) {
                    act = credential("config").note("prints a secret setting of the site");
                }
            }
            case "maintenance" -> act = p.has("--enable") || p.has("--disable") || p.has("--enablelater") || p.has("--enableold")
                    ? update("site").note("turns maintenance mode on or off for every user") : act;
            case "uninstall_plugins" -> act = p.has("--run") ? act : read("plugin").note("lists what would be uninstalled");
            case "scheduled_task" -> act = p.has("--execute") ? execute("task") : act;
            case "mysql_compressed_rows" -> act = p.has("--fix") ? update("database").many() : act;
            case "install" -> act = p.has("--agree-license") ? replace("database").note("installs a new site") : act;
            default -> {
            }
        }
        // the install is the directory above admin/
        String dir = script.contains("admin/") ? script.substring(0, script.indexOf("admin/")) : "";
        SiteTarget site = SiteTarget.of(inv, Optional.empty(), Optional.empty(), Optional.empty(),
                dir.isEmpty() ? Optional.empty() : Optional.of(dir),
                new SiteTarget.Settings(List.of(), List.of(), List.of(), List.of()));
        Operation.Builder b = act.operation(inv, "moodle", name);
        if (act.verb() == Verb.READ && act.scope() == Scope.ALL) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        return List.of(site.place(b.build(), inv));
    }
}
