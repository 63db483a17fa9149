package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Job-queue client libraries in code. Celery's control API ({@code app.control.purge()}, {@code inspect().active()}) is
 * written back as the {@code celery} command that does the same against the broker the code names, so its command table
 * decides. BullMQ and Bull ({@code new Queue('emails', {connection: {host}})}), RQ ({@code Queue('x', connection=Redis(…))})
 * and Sidekiq's API ({@code Sidekiq::Queue.new('x').clear}) have no CLI twin: their calls are {@link Generic} operations
 * on the queue, placed by the Redis server the code names (a URL, a {@code host}, the {@code REDIS_URL} the command runs
 * with); none named leaves it unknown. Counting and listing jobs read; emptying, obliterating or cleaning deletes jobs;
 * pausing or re-running them changes the queue; adding a job has a worker run it.
 */
final class JobQueueCalls {

    /** What a call on a queue or a job set does; {@code many}: every job of it. */
    private record Act(Verb verb, String type, boolean many, String what) {
    }

    /** A library's calls: its table, the calls that only look, and how its queues are made. */
    private record Library(String system, Map<String, Act> calls, Pattern reads, Pattern made) {
    }

    private static final Library BULL = new Library("bullmq", Map.ofEntries(
            Map.entry("obliterate", gone("queue", "deletes the queue and every job in it")),
            Map.entry("drain", gone("jobs", "deletes every waiting job")),
            Map.entry("empty", gone("jobs", "deletes every waiting job")),
            Map.entry("clean", gone("jobs", "deletes the jobs in a state")),
            Map.entry("removeJobs", gone("jobs", "deletes the jobs matching a pattern")),
            Map.entry("trimEvents", gone("events", "deletes the queue's event stream")),
            Map.entry("remove", new Act(Verb.DELETE, "job", false, "deletes a job")),
            Map.entry("removeRepeatable", new Act(Verb.DELETE, "schedule", false, "deletes a repeating job")),
            Map.entry("removeRepeatableByKey", new Act(Verb.DELETE, "schedule", false, "deletes a repeating job")),
            Map.entry("removeJobScheduler", new Act(Verb.DELETE, "schedule", false, "deletes a job scheduler")),
            Map.entry("pause", changes("queue", false, "stops workers taking its jobs")),
            Map.entry("resume", changes("queue", false, "lets workers take its jobs again")),
            Map.entry("retryJobs", changes("jobs", true, "runs failed jobs again")),
            Map.entry("promoteJobs", changes("jobs", true, "runs delayed jobs now")),
            Map.entry("setGlobalConcurrency", changes("queue", false, "changes how many jobs run at once")),
            Map.entry("add", adds("adds a job: a worker runs it")),
            Map.entry("addBulk", adds("adds jobs: workers run them")),
            Map.entry("upsertJobScheduler", adds("schedules a repeating job"))),
            Pattern.compile("get\\w*|count|isPaused|isMaxed|exportPrometheusMetrics"),
            Pattern.compile("Queue|QueueScheduler"));
    private static final Library RQ = new Library("rq", Map.ofEntries(
            Map.entry("empty", gone("jobs", "deletes every waiting job")),
            Map.entry("delete", gone("queue", "deletes the queue (and its jobs)")),
            Map.entry("cleanup", gone("jobs", "deletes the registry's expired jobs")),
            Map.entry("remove", new Act(Verb.DELETE, "job", false, "deletes a job")),
            Map.entry("requeue", changes("jobs", false, "runs a failed job again")),
            Map.entry("enqueue", adds("adds a job: a worker runs it")),
            Map.entry("enqueue_call", adds("adds a job: a worker runs it")),
            Map.entry("enqueue_at", adds("schedules a job")),
            Map.entry("enqueue_in", adds("schedules a job")),
            Map.entry("enqueue_many", adds("adds jobs: workers run them"))),
            Pattern.compile("get_\\w*|fetch_job|count|all|is_empty"),
            Pattern.compile("Queue|\\w*Registry"));
    private static final Library SIDEKIQ = new Library("sidekiq", Map.ofEntries(
            Map.entry("clear", gone("jobs", "deletes every job in it")),
            Map.entry("delete_by_value", new Act(Verb.DELETE, "job", false, "deletes a job")),
            Map.entry("delete_by_jid", new Act(Verb.DELETE, "job", false, "deletes a job")),
            Map.entry("delete", new Act(Verb.DELETE, "job", false, "deletes a job")),
            Map.entry("retry_all", changes("jobs", true, "runs every job in it again")),
            Map.entry("kill_all", changes("jobs", true, "moves every job to the dead set")),
            Map.entry("reset", changes("stats", false, "resets the processed and failed counts")),
            Map.entry("pause", changes("queue", false, "stops workers taking its jobs")),
            Map.entry("unpause", changes("queue", false, "lets workers take its jobs again"))),
            Pattern.compile("size|latency|find_job|scan|each|map|count|to_a|first|select|paused|processed|failed|enqueued|queues|all"),
            Pattern.compile("new|all"));
    /** A Sidekiq queue or job set, made by its class: {@code Sidekiq::Queue.new('x')}, {@code Sidekiq::RetrySet.new()}. */
    private static final String SIDEKIQ_MADE = "Sidekiq::\\w+\\s*\\.\\s*(?:new|all)\\s*\\(";
    /** {@code Sidekiq::Queue.all.each(&:clear)}: the call on every queue. */
    private static final Pattern SIDEKIQ_EACH = Pattern.compile("Sidekiq::\\w+\\s*\\.\\s*(?:new|all)\\s*\\([^()]*\\)\\s*\\.\\s*(?:each|map)\\s*\\(\\s*&:(\\w+)");
    /** Calls that are the connection's own business. */
    private static final Set<String> PLUMBING = Set.of("close", "disconnect", "waitUntilReady", "on", "once", "off", "quit");

    /** Celery's control calls that only ask the workers; the rest steer them ({@code celery control …}). */
    private static final Set<String> CELERY_ASKS = Set.of("ping", "inspect", "election", "heartbeat");
    private static final Set<String> CELERY_PURGES = Set.of("purge", "discard_all");
    private static final Pattern CELERY_CONTROL = Pattern.compile("\\.\\s*control\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern CELERY_INSPECTOR = Pattern.compile("(\\w+)\\s*=\\s*[\\w.]*\\bcontrol\\s*\\.\\s*inspect\\s*\\(");
    private static final Pattern CELERY_SEND = Pattern.compile("\\.\\s*send_task\\s*\\(\\s*" + LIT);
    private static final Pattern CELERY_BROKER = Pattern.compile("\\bbroker(?:_url)?\\s*[=:]\\s*" + LIT);

    private static final Pattern BULL_MODULE = Pattern.compile("['\"](bullmq|bull)['\"]");
    private static final Pattern RQ_MODULE = Pattern.compile("(?:^|[;\\n])\\s*(?:from\\s+rq(?:\\.\\w+)*\\s+import|import\\s+rq\\b)");
    private static final Pattern REDIS_URL = Pattern.compile("['\"](rediss?://[^'\"]+)['\"]");
    /** {@code host: 'h'}, {@code host='h'}, or a Redis client given its host first: {@code Redis('h')}. */
    private static final Pattern HOST = Pattern.compile("(?:\\bhost\\s*[=:]\\s*|\\b(?:Redis|StrictRedis|IORedis)\\s*\\(\\s*)" + LIT);

    private JobQueueCalls() {
    }

    private static Act gone(String type, String what) {
        return new Act(Verb.DELETE, type, true, what);
    }

    private static Act changes(String type, boolean many, String what) {
        return new Act(Verb.UPDATE, type, many, what);
    }

    private static Act adds(String what) {
        return new Act(Verb.CREATE, "job", false, what);
    }

    static void find(String code, Language language, Map<String, String> env, List<String> lines, List<Generic> generic,
                     Set<String> accounted) {
        if (Regex.find(code, "(?i)celery")) {
            celery(code, lines, accounted);
        }
        Matcher bull = BULL_MODULE.matcher(code);
        if (language == Language.JAVASCRIPT && bull.find()) {
            String classes = moduleNames(code);
            Library lib = new Library(bull.group(1), BULL.calls(), BULL.reads(), Pattern.compile(classes));
            queues(code, lib, bindings(code, "(?:await\\s+)?new\\s+(?:\\w+\\.)?(?:" + classes + ")\\s*\\("), env, generic, accounted);
        }
        if (language == Language.PYTHON && RQ_MODULE.matcher(code).find()) {
            queues(code, RQ, bindings(code, "(?:rq\\.)?(?:Queue|\\w*Registry)\\s*\\("), env, generic, accounted);
        }
        if (language == Language.RUBY && code.contains("Sidekiq::")) {
            // Ruby's calls without parentheses (RetrySet.new.clear) are written with them first
            String text = ScriptSdkCalls.normalized(code, language);
            queues(text, SIDEKIQ, bindings(text, SIDEKIQ_MADE), env, generic, accounted);
            Matcher each = SIDEKIQ_EACH.matcher(text);
            while (each.find()) {
                Act act = SIDEKIQ.calls().get(each.group(1));
                if (act != null) {
                    accounted.add(each.group(1));
                    generic.add(new Generic("sidekiq", act.verb(), act.type(), "*", true,
                            "sidekiq " + each.group(1) + "() on every queue or set " + act.what(), where(text, env, true), ""));
                }
            }
        }
    }

    /** The names Bull's default export is bound to: {@code const Bull = require('bull')}, {@code import Queue from 'bull'}. */
    private static String moduleNames(String code) {
        Matcher m = Regex.pattern("(\\w+)\\s*=\\s*require\\s*\\(\\s*['\"]bull['\"]|\\bimport\\s+(\\w+)\\s+from\\s+['\"]bull['\"]").matcher(code);
        StringBuilder out = new StringBuilder("Queue");
        while (m.find()) {
            out.append('|').append(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out.toString();
    }

    /** Variables given a queue, with the queue's name (its first literal): {@code q = Queue('emails', …)}. */
    private static Map<String, String> bindings(String code, String constructor) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Regex.pattern("(\\w+)\\s*=\\s*" + constructor).matcher(code);
        while (m.find()) {
            Matcher name = Regex.pattern("^\\s*(?:name\\s*=\\s*)?" + LIT).matcher(ClientCallSyntax.callArguments(code, m.end()));
            Matcher set = Regex.pattern("Sidekiq::(\\w+)").matcher(m.group());
            out.put(m.group(1), name.find() ? lit(name, 1) : set.find() ? set.group(1) : "");
        }
        return out;
    }

    private static void queues(String text, Library lib, Map<String, String> bound, Map<String, String> env,
                               List<Generic> generic, Set<String> accounted) {
        List<Pattern> binding = bound.isEmpty() ? List.of() : List.of(Regex.pattern("(?<![\\w.])("
                + String.join("|", bound.keySet().stream().map(Pattern::quote).toList()) + ")\\s*\\."));
        Map<String, String> where = where(text, env, lib == SIDEKIQ);
        for (ClientCallSyntax.ClientCall call : ClientCallSyntax.clientCalls(text, binding, lib.made())) {
            String method = call.method().replaceAll("[!?]$", "");
            String before = text.substring(0, call.argumentsAt());
            if (PLUMBING.contains(method)) {
                accounted.add(call.method());
                continue;
            }
            if (lib == SIDEKIQ && !bound.containsKey(receiver(before))
                    && !Regex.find(before, SIDEKIQ_MADE + "[^()]*\\)\\s*\\.\\s*\\w+[!?]?\\s*\\($")) {
                continue; // a .new(…) of another class is not Sidekiq's
            }
            Act act = lib.calls().get(method);
            if (act == null && lib.reads().matcher(method).matches()) {
                act = new Act(Verb.READ, "queue", false, "reads the queue");
            }
            if (act == null) {
                continue;
            }
            accounted.add(call.method());
            String queue = queueName(before, bound, lib.made());
            generic.add(new Generic(lib.system(), act.verb(), act.type(), queue, act.many(),
                    lib.system() + " " + method + "() " + act.what() + (queue.isEmpty() ? "" : " (queue " + queue + ")"), where, ""));
        }
    }

    private static String receiver(String before) {
        Matcher r = Regex.pattern("(\\w+)\\s*\\.\\s*\\w+[!?]?\\s*\\($").matcher(before);
        return r.find() ? r.group(1) : "";
    }

    /** The queue a call acts on: its variable's, or the first literal of the constructor it is chained to. */
    private static String queueName(String before, Map<String, String> bound, Pattern made) {
        String variable = receiver(before);
        if (bound.containsKey(variable)) {
            return bound.get(variable);
        }
        Matcher inline = Regex.pattern("(?:\\b(?:" + made.pattern() + ")|\\w+\\s*\\.\\s*new)\\s*\\(\\s*" + LIT + "[^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*\\.\\s*\\w+[!?]?\\s*\\($")
                .matcher(before);
        Matcher set = Regex.pattern("Sidekiq::(\\w+)\\s*\\.\\s*new\\s*\\(\\s*\\)\\s*\\.\\s*\\w+[!?]?\\s*\\($").matcher(before);
        return inline.find() ? lit(inline, 1) : set.find() ? set.group(1).equals("Queue") ? "default" : set.group(1) : "";
    }

    /**
     * The Redis server the code's connection names: a URL, else a {@code host}; Sidekiq with neither connects where
     * {@code REDIS_URL} points. Nothing named is unknown, never assumed local.
     */
    private static Map<String, String> where(String code, Map<String, String> env, boolean readsEnv) {
        Matcher url = REDIS_URL.matcher(code);
        Optional<String> u = url.find() ? Optional.of(url.group(1))
                : readsEnv ? Optional.ofNullable(env.get("REDIS_URL")) : Optional.empty();
        if (u.isPresent()) {
            Map<String, String> locators = new LinkedHashMap<>(DataStoreCalls.databaseLocators(u.get()));
            locators.remove("database");
            return locators;
        }
        Matcher host = HOST.matcher(code);
        return host.find() ? Map.of("host", lit(host, 1)) : Map.of();
    }

    /** Celery's control calls as {@code celery -b BROKER purge|control|inspect …}: its command table judges them. */
    private static void celery(String code, List<String> lines, Set<String> accounted) {
        Matcher b = CELERY_BROKER.matcher(code);
        String celery = "celery " + (b.find() ? "-b " + quote(lit(b, 1)) + " " : "");
        Matcher c = CELERY_CONTROL.matcher(code);
        while (c.find()) {
            String method = c.group(1);
            accounted.add(method);
            if (CELERY_PURGES.contains(method)) {
                lines.add(celery + "purge");
            } else if (!CELERY_ASKS.contains(method)) {
                lines.add(celery + "control " + method);
            } else if (method.equals("ping")) {
                lines.add(celery + "inspect ping");
            }
        }
        Map<String, String> inspectors = new LinkedHashMap<>();
        Matcher i = CELERY_INSPECTOR.matcher(code);
        while (i.find()) {
            inspectors.put(i.group(1), "");
        }
        List<Pattern> binding = inspectors.isEmpty() ? List.of() : List.of(Regex.pattern("(?<![\\w.])("
                + String.join("|", inspectors.keySet().stream().map(Pattern::quote).toList()) + ")\\s*\\."));
        for (ClientCallSyntax.ClientCall call : ClientCallSyntax.clientCalls(code, binding, Pattern.compile("inspect"))) {
            accounted.add(call.method());
            lines.add(celery + "inspect " + call.method());
        }
        Matcher send = CELERY_SEND.matcher(code);
        while (send.find()) {
            accounted.add("send_task");
            lines.add(celery + "call " + quote(lit(send, 1)));
        }
    }
}
