package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Celery's {@code celery -A APP COMMAND}: {@code inspect}, {@code status}, {@code report}, {@code result} and
 * {@code events} read the workers and the broker; {@code purge} deletes the waiting tasks of the app's queues (of those
 * {@code -Q} names, else of all of them); {@code control} steers or stops the workers; {@code call} sends a task.
 * They act on the broker {@code -b/--broker} or {@code CELERY_BROKER_URL} names ({@code redis://localhost…} is this
 * machine); with none named it is the app's configured one, which says nothing about where it is.
 */
final class CeleryCli {

    private CeleryCli() {
    }

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "inspect status report result events graph list help", read("queue"))
            .add("", "purge", delete("queue").all().note("deletes every waiting task in the app's queues"))
            .add("", "control", update("worker").note("steers the workers: shutdown, pool restarts, rate limits, revokes"))
            .add("", "call", create("task").note("sends a task: a worker runs it"))
            .add("", "migrate", update("queue").many().note("moves the waiting tasks to another broker"))
            .add("", "amqp", update("queue"))
            // a worker runs here but takes its tasks from the broker, and runs them with this checkout's code
            .add("", "worker beat multi flower", execute("worker"))
            .add("", "shell upgrade", local("app"))
            .build();

    private static final Set<String> VALUED = Set.of("-A", "--app", "-b", "--broker", "--result-backend", "--loader",
            "--config", "--workdir", "-Q", "--queues", "-X", "--exclude-queues", "-d", "--destination", "-t", "--timeout",
            "-l", "--loglevel", "-c", "--concurrency", "-n", "--hostname", "--pidfile", "--logfile", "-s", "--schedule",
            "--args", "--kwargs", "--eta", "--countdown", "--expires", "--serializer", "--queue", "--exchange",
            "--routing-key", "-P", "--pool");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "queue");
        CommandTable.Act act = found.act();
        String name = found.name(words);
        if (found.command().equals("purge")) {
            name = p.value("-Q", "--queues").orElse("");
            act = name.isEmpty() ? act : act.many().note("deletes every waiting task in " + name);
        } else if (found.command().equals("amqp") && words.stream().anyMatch(w -> w.endsWith(".delete") || w.endsWith(".purge"))) {
            act = delete("queue");
        } else if (found.command().equals("amqp") && words.stream().anyMatch(w -> w.startsWith("basic.get"))) {
            act = update("queue").note("basic.get takes a message off the queue");
        }
        Operation.Builder b = act.operation(inv, "celery", name);
        if (act.here()) {
            return b.build();
        }
        String broker = p.value("-b", "--broker").orElse(inv.env().getOrDefault("CELERY_BROKER_URL", ""));
        if (broker.isEmpty() && act.verb() == Verb.EXECUTE) {
            // a worker for the app's own configuration: runs on this machine like the app's dev server
            return local("worker").operation(inv, "celery", name).build();
        }
        return DataServiceRecognizer.located(b, DataServiceRecognizer.host(broker), inv);
    }
}
