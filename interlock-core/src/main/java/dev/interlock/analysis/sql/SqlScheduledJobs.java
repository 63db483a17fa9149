package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Job schedulers that live in the database (pg_cron's {@code cron.schedule}, TimescaleDB's {@code add_job}): a call
 * creates, changes or removes a standing job that later runs SQL on its own. It is a change to the database's schedule,
 * not code run now, so it is judged like any other change in that database's environment.
 */
final class SqlScheduledJobs {
    private SqlScheduledJobs() {}

    private record Effect(Verb verb, String note) {}

    private static final Map<String, Effect> FUNCTIONS = Map.of(
            "cron.schedule", new Effect(Verb.CREATE, "schedules SQL to run by itself, again and again"),
            "cron.schedule_in_database", new Effect(Verb.CREATE, "schedules SQL to run by itself in another database"),
            "cron.alter_job", new Effect(Verb.UPDATE, "changes a scheduled job's schedule, command or state"),
            "cron.unschedule", new Effect(Verb.DELETE, "removes a scheduled job"),
            "add_job", new Effect(Verb.CREATE, "schedules a procedure to run by itself, again and again"),
            "alter_job", new Effect(Verb.UPDATE, "changes a scheduled job's schedule or state"),
            "delete_job", new Effect(Verb.DELETE, "removes a scheduled job"),
            "run_job", new Effect(Verb.EXECUTE, "runs a scheduled job's procedure now"));

    /** Whether {@code name} (schema-qualified where it was) is a scheduler function this table judges. */
    static boolean known(String name) {
        return FUNCTIONS.containsKey(name);
    }

    /** A job operation for each call of a scheduler function; its first argument (a job name or id) names it. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i + 1 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(")) {
                continue;
            }
            String name = t.text().toLowerCase(Locale.ROOT);
            String full = i >= 2 && w.isSymbol(i - 1, ".") ? w.tokens().get(i - 2).text().toLowerCase(Locale.ROOT) + "." + name : name;
            Effect e = FUNCTIONS.get(full);
            if (e != null) {
                String arg = i + 2 < w.size() ? w.tokens().get(i + 2).text() : "";
                ops.add(admin(e.verb(), "scheduled-job", arg, Scope.ONE).note(full + "(): " + e.note()));
            }
        }
        return ops;
    }
}
