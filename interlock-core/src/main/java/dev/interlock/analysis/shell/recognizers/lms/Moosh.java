package dev.interlock.analysis.shell.recognizers.lms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.cms.SiteTarget;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.saas.MethodNamedApis;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moodle's {@code moosh [-n] [-p PATH] COMMAND …}, one table by command name ({@code user-list}, {@code course-delete}).
 * Listings, info and {@code config-get} read; creating, modifying, enrolling, config and plugin changes update the
 * site; {@code *-delete}, {@code plugin-uninstall} and {@code course-reset} lose data; system roles and capabilities
 * are grants; {@code user-login}/{@code admin-login} print a session for an account (a credential); {@code php-eval}
 * runs code in the site; {@code sql-run} is judged by its SQL; {@code course-backup} copies a course with its users'
 * work out of the site; {@code webservice-call} by the function's name. The site is {@code -p}, else the working
 * directory's install ({@link SiteTarget}); code generators ({@code generate-*}, {@code dev-*}) only write files here.
 */
final class Moosh {

    private Moosh() {
    }

    private static final Act COPY = new Act(Verb.READ, "course", false, false, Scope.ALL,
            "backs the course up with its users' submissions and grades to a file: a copy of the site's data");

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "config-get", read("config"))
            .add("", "config-set config-plugin-import", update("config"))
            .add("", "user-login admin-login", credential("user").note("logs in as the account and prints its session cookie"))
            .add("", "audit-passwords", credential("user").note("checks users' password hashes and prints the weak ones"))
            .add("", "php-eval", execute("php").note("runs PHP code inside the Moodle site, with its database and credentials"))
            .add("", "sql-cli", execute("database").note("opens a database session with the site's credentials"))
            .add("", "course-backup", COPY)
            .add("", "course-restore", create("course"))
            .add("", "course-reset", delete("course-data").many().note("deletes the course's submissions, grades and enrolments"))
            .add("", "course-delete", delete("course"))
            .add("", "category-delete", delete("category").many().note("deletes the category with its courses"))
            .add("", "plugin-uninstall", delete("plugin").note("uninstalling a plugin deletes its tables and data"))
            .add("", "user-assign-system-role role-update-capability role-update-contextlevel role-reset role-create role-delete "
                    + "role-import", grant("role"))
            .add("", "maintenance-on maintenance-off", update("site"))
            .add("", "cache-clear cache-course-rebuild theme-reset", update("cache"))
            .add("", "download-moodle", local("moodle"))
            .add("", "user-create", create("user"))
            .add("", "user-mod user-suspend", update("user"))
            .add("", "user-delete", delete("user"))
            .add("", "course-enrol course-enrolbyname course-enrolleduser cohort-enrol", update("enrolment"))
            .add("", "course-unenrol cohort-unenrol", delete("enrolment"))
            .add("", "plugin-install plugin-download", update("plugin"))
            .build();

    private static final Set<String> ADMIN_ROLES = Set.of("manager", "admin", "administrator", "coursecreator");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-p", "--moodle-path", "-u", "--user"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of();
        }
        String command = words.getFirst().toLowerCase(java.util.Locale.ROOT);
        SiteTarget site = SiteTarget.of(inv, Optional.empty(), Optional.empty(), Optional.empty(), p.value("-p", "--moodle-path"),
                new SiteTarget.Settings(List.of(), List.of(), List.of(), List.of()));
        String name = words.size() > 1 ? words.getLast() : "";
        if (command.equals("sql-run")) {
            // the SQL decides, on the site's database
            List<Operation> ops = words.size() > 1
                    ? DatabaseOps.statements(words.get(1), DatabaseOps.literal(inv, words.get(1)), "mysql", inv, nested)
                    : List.of(DatabaseOps.session(inv, ""));
            return site.place(ops, inv);
        }
        Act act = TABLE.find(List.of(command)).map(CommandTable.Found::act).orElseGet(() -> guess(command));
        if (command.equals("webservice-call")) {
            act = words.stream().skip(1).filter(w -> Regex.matches(w, "[a-z]+_\\w+_\\w+")).findFirst()
                    .map(Moosh::function).orElse(update("site"));
        }
        if (command.equals("config-get") && words.stream().anyMatch(w -> Regex.find(w, "(?i)pass|secret|token|key"))) {
            act = credential("config").note("prints a secret setting of the site");
        }
        if (command.equals("user-mod") && p.has("--all")) {
            act = act.all();
        }
        if (command.startsWith("user-") && act.verb() != Verb.READ && words.stream().anyMatch(w -> w.equals("--global-admin")
                || w.equals("--admin")) || command.equals("user-assign-system-role") && words.stream().anyMatch(ADMIN_ROLES::contains)) {
            act = grant("user").note("gives an account the run of the whole site");
        }
        Operation.Builder b = act.operation(inv, "moodle", name);
        if (act == COPY) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        return List.of(site.place(b.build(), inv));
    }

    /** A web service function called through the site, by its name; a deletion loses what it names. */
    private static Act function(String name) {
        Verb verb = MethodNamedApis.moodleFunction(name);
        Act act = verb == Verb.DELETE ? delete("web-service-function")
                : new Act(verb, "web-service-function", false, false, Scope.ONE, "");
        return act.note("calls the web service function " + name);
    }

    /** A command the table does not list: code generators write files here; others by their last word. */
    private static Act guess(String command) {
        if (Regex.matches(command, "(generate|dev|apache-parse|moosh)-.*")) {
            return local("code");
        }
        String object = Regex.replaceFirst(command, "-.*", "");
        Act act = CommandTable.guess(command, object.isEmpty() ? "site" : object);
        return command.endsWith("-list") || command.endsWith("-info") || command.startsWith("info") ? read(object) : act;
    }
}
