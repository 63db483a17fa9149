package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RabbitMQ's {@code rabbitmqctl COMMAND} (the node is {@code -n rabbit@HOST}) and the management API's
 * {@code rabbitmqadmin VERB OBJECT name=…} ({@code -H HOST}): purging or deleting a queue loses its messages, a
 * virtual host takes every queue in it, {@code reset} returns the node to a blank state, users and permissions are
 * grants, and {@code list_*}/{@code list …} read, as does {@code get} unless its ackmode drops the messages. The virtual host ({@code -p}, {@code -V}) is the {@code namespace}.
 */
final class RabbitMqClients {

    private static final Action GRANT = Action.grant("user", "changes RabbitMQ users or permissions");
    private static final Action SETTING = Action.update("policy", "changes how queues and exchanges behave");
    private static final Action NODE = new Action(Verb.UPDATE, "node", Scope.ONE, false, false, "stops or reconfigures the node");
    private static final Map<String, Action> RABBITMQCTL = Map.ofEntries(
            Map.entry("purge_queue", Action.delete("queue", "deletes every message in the queue")),
            Map.entry("delete_queue", Action.delete("queue", "deletes the queue and its messages")),
            Map.entry("delete_vhost", new Action(Verb.DELETE, "vhost", Scope.ALL, true, false,
                    "deletes the virtual host with every queue, exchange and message in it")),
            Map.entry("reset", new Action(Verb.DELETE, "node", Scope.ALL, true, false,
                    "returns the node to a blank state: queues, messages, users and virtual hosts are gone")),
            Map.entry("force_reset", new Action(Verb.DELETE, "node", Scope.ALL, true, false,
                    "returns the node to a blank state: queues, messages, users and virtual hosts are gone")),
            Map.entry("forget_cluster_node", Action.delete("member", "removes a node from the cluster")),
            Map.entry("add_vhost", Action.create("vhost", "")),
            Map.entry("add_user", GRANT), Map.entry("delete_user", GRANT), Map.entry("change_password", GRANT),
            Map.entry("clear_password", GRANT), Map.entry("set_permissions", GRANT), Map.entry("clear_permissions", GRANT),
            Map.entry("set_topic_permissions", GRANT), Map.entry("clear_topic_permissions", GRANT), Map.entry("set_user_tags", GRANT),
            Map.entry("set_policy", SETTING), Map.entry("clear_policy", SETTING), Map.entry("set_operator_policy", SETTING),
            Map.entry("clear_operator_policy", SETTING), Map.entry("set_parameter", SETTING), Map.entry("clear_parameter", SETTING),
            Map.entry("set_global_parameter", SETTING), Map.entry("set_vhost_limits", SETTING), Map.entry("set_user_limits", SETTING),
            Map.entry("stop_app", NODE), Map.entry("start_app", NODE), Map.entry("stop", NODE), Map.entry("shutdown", NODE),
            Map.entry("close_connection", NODE), Map.entry("close_all_connections", NODE), Map.entry("join_cluster", NODE),
            Map.entry("change_cluster_node_type", NODE), Map.entry("update_cluster_nodes", NODE), Map.entry("set_cluster_name", NODE),
            Map.entry("rotate_logs", Action.update("node", "")), Map.entry("set_log_level", Action.update("node", "")),
            Map.entry("eval", new Action(Verb.EXECUTE, "node", Scope.ONE, false, false, "runs Erlang code on the node")),
            Map.entry("status", Action.read("node")), Map.entry("cluster_status", Action.read("node")),
            Map.entry("environment", Action.read("node")), Map.entry("report", Action.read("node")),
            Map.entry("ping", Action.read("node")), Map.entry("node_health_check", Action.read("node")),
            Map.entry("await_startup", Action.read("node")), Map.entry("version", Action.read("node")));

    /** rabbitmqadmin by "verb object", then by verb alone. */
    private static final Map<String, Action> RABBITMQADMIN = Map.ofEntries(
            Map.entry("purge queue", Action.delete("queue", "deletes every message in the queue")),
            Map.entry("delete queue", Action.delete("queue", "deletes the queue and its messages")),
            Map.entry("delete vhost", new Action(Verb.DELETE, "vhost", Scope.ALL, true, false,
                    "deletes the virtual host with every queue, exchange and message in it")),
            Map.entry("delete exchange", Action.delete("exchange", "deletes the exchange and its bindings")),
            Map.entry("delete binding", Action.delete("binding", "messages stop being routed there")),
            Map.entry("delete user", GRANT), Map.entry("declare user", GRANT), Map.entry("delete permission", GRANT),
            Map.entry("declare permission", GRANT),
            Map.entry("delete policy", SETTING), Map.entry("declare policy", SETTING),
            Map.entry("close connection", NODE),
            Map.entry("declare", Action.create("queue", "")),
            Map.entry("publish", Action.produce("exchange", "publishes a message: its consumers act on it")),
            Map.entry("import", new Action(Verb.UPDATE, "definitions", Scope.MANY, true, false,
                    "replaces users, queues and policies with the file's definitions")),
            Map.entry("list", Action.read("queue")), Map.entry("show", Action.read("queue")),
            Map.entry("get", Action.read("queue")), Map.entry("export", Action.read("definitions")),
            Map.entry("help", Action.read("queue")));

    /** {@code get … ackmode=ack_requeue_false}: the messages are acknowledged, so the queue loses them. */
    private static final Action CONSUME = Action.delete("queue",
            "takes the messages off the queue without requeueing them: they are gone (or dead-lettered)").scope(Scope.MANY);

    private static final Set<String> VALUED = Set.of("-n", "--node", "-p", "--vhost", "-t", "--timeout", "-l",
            "--longnames", "-H", "--host", "-P", "--port", "-V", "-u", "--username", "--password", "-U", "--base-uri",
            "-c", "--config", "-N", "-f", "--format", "-d", "--depth", "--path-prefix");

    private RabbitMqClients() {
    }

    /**
     * Whether a {@code get} keeps the messages it fetches: only {@code *_requeue_true} (the default) puts them back;
     * the older {@code requeue=false} does not.
     */
    private static boolean consumes(List<String> words) {
        return words.stream().anyMatch(w -> w.startsWith("ackmode=") && w.endsWith("_requeue_false")
                || w.equals("requeue=false"));
    }

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean admin = inv.program().equals("rabbitmqadmin");
        // rabbit@host: the node's host; rabbitmqadmin's -H or the management URL
        String node = admin ? p.value("-H", "--host", "-U", "--base-uri").orElse("") : p.value("-n", "--node").orElse("");
        String host = DataServiceRecognizer.host(node.contains("@") && !node.contains("://") ? node.substring(node.indexOf('@') + 1) : node);
        if (words.isEmpty()) {
            return Optional.of(DataServiceRecognizer.located(Action.read("node").on("rabbitmq", "", inv), host, inv));
        }
        String command = words.getFirst();
        Action action;
        String name;
        if (admin) {
            action = words.size() > 1 && RABBITMQADMIN.containsKey(command + " " + words.get(1))
                    ? RABBITMQADMIN.get(command + " " + words.get(1)) : RABBITMQADMIN.get(command);
            name = words.stream().filter(w -> w.startsWith("name=") || w.startsWith("queue=")).findFirst()
                    .map(w -> w.substring(w.indexOf('=') + 1)).orElse("");
            if (command.equals("get") && consumes(words)) {
                action = CONSUME;
            }
        } else {
            action = command.startsWith("list_") ? Action.read("queue") : RABBITMQCTL.get(command);
            name = words.size() > 1 ? words.get(1) : "";
        }
        if (action == null) {
            return Optional.empty();
        }
        Operation.Builder b = action.on("rabbitmq", action.verb() == Verb.READ ? "" : name, inv);
        // rabbitmqctl -p VHOST; rabbitmqadmin's -p is the password and -V the virtual host
        (admin ? p.value("-V", "--vhost") : p.value("-p", "--vhost")).ifPresent(vhost -> b.locator("namespace", vhost));
        return Optional.of(DataServiceRecognizer.located(b, host, inv));
    }
}
