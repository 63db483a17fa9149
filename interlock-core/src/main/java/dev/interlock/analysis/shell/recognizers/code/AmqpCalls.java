package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.environment.Hosts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AMQP clients in one-liner code — pika's {@code queue_purge}/{@code queue_delete}/{@code exchange_delete}, amqplib's
 * {@code purgeQueue}/{@code deleteQueue}/{@code deleteExchange}, Bunny's {@code queue("q").purge} — written back as
 * {@code rabbitmqadmin -H host purge|delete queue name=q}, so the broker's command table decides: every message of the
 * queue is lost. The host is the broker the code's URL or connection parameters name; none leaves it unknown.
 */
final class AmqpCalls {

    /** Driver method → rabbitmqadmin's verb and object. */
    private static final Map<String, String> METHODS = Map.of(
            "queue_purge", "purge queue", "purgeQueue", "purge queue",
            "queue_delete", "delete queue", "deleteQueue", "delete queue",
            "exchange_delete", "delete exchange", "deleteExchange", "delete exchange");
    private static final Pattern CALL = Pattern.compile("\\.\\s*(queue_purge|purgeQueue|queue_delete|deleteQueue|exchange_delete|deleteExchange)\\s*\\(");
    /** Bunny and aio-pika style: the queue or exchange object named first, then its own {@code purge}/{@code delete}. */
    private static final Pattern OBJECT = Pattern.compile("\\.\\s*(queue|exchange|declare_queue|declare_exchange|get_queue|get_exchange)\\s*\\(\\s*"
            + LIT + "[^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*\\.\\s*(purge|delete)\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("\\b(?:queue|exchange)\\s*=\\s*" + LIT);
    private static final Pattern URL = Pattern.compile("['\"](amqps?://[^'\"]+)['\"]");
    private static final Pattern PARAMETERS = Pattern.compile("\\b(?:ConnectionParameters\\s*\\(\\s*(?:host\\s*=\\s*)?|\\bhost\\s*[=:]\\s*|hostname\\s*[=:]\\s*)" + LIT);
    private static final Set<String> PLUMBING = Set.of("channel", "create_channel", "createChannel", "start", "close",
            "BlockingConnection", "URLParameters", "ConnectionParameters", "connect", "connect_robust", "tap", "queue", "exchange",
            "message_count", "consumer_count", "method", "get_message_count");

    private AmqpCalls() {
    }

    static void find(String code, List<String> lines, Set<String> accounted) {
        String target = host(code).map(h -> "-H " + quote(h) + " ").orElse("");
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String args = ClientCallSyntax.callArguments(code, m.end());
            Matcher named = NAMED.matcher(args);
            Matcher first = Regex.pattern("^\\s*" + LIT).matcher(args);
            String name = named.find() ? lit(named, 1) : first.find() ? lit(first, 1) : "";
            accounted.add(m.group(1));
            lines.add("rabbitmqadmin " + target + METHODS.get(m.group(1)) + (name.isEmpty() ? "" : " name=" + quote(name)));
        }
        Matcher o = OBJECT.matcher(code);
        while (o.find()) {
            String kind = o.group(1).contains("exchange") ? "exchange" : "queue";
            accounted.add(o.group(4));
            lines.add("rabbitmqadmin " + target + o.group(4) + " " + kind + " name=" + quote(lit(o, 2)));
        }
        accounted.addAll(PLUMBING);
        if (PASSIVE.matcher(code).find()) {
            accounted.add("queue_declare"); // a passive declare only asks whether the queue is there and how full it is
            accounted.add("declare_queue");
        }
    }

    private static final Pattern PASSIVE = Pattern.compile("\\bpassive\\s*[=:]\\s*(?:True|true)");

    private static java.util.Optional<String> host(String code) {
        Matcher u = URL.matcher(code);
        if (u.find()) {
            String h = Hosts.of(u.group(1));
            return h.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(h);
        }
        Matcher p = PARAMETERS.matcher(code);
        return p.find() ? java.util.Optional.of(lit(p, 1)) : java.util.Optional.empty();
    }
}
