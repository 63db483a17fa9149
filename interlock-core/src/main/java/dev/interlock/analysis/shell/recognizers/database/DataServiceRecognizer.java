package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Data services that are not SQL or document databases: message brokers (Kafka's scripts, {@code kcat}, Redpanda's {@code rpk}, RabbitMQ's
 * {@code rabbitmqctl} and {@code rabbitmqadmin}, the NATS CLI, Pulsar's admin and client, Celery's task queues, MQTT's Mosquitto clients and {@code mqttx}), the etcd key-value
 * store and ZooKeeper's shells. What they hold — a topic's events, a queue's messages, etcd's keys — is data like a table's rows: deleting or
 * purging it is a stateful delete, writing into it reaches whatever consumes it, and listing or consuming only reads.
 * Where they act is the broker or endpoint they are given ({@code --bootstrap-server}, {@code -b}, {@code --endpoints},
 * {@code -server}, {@code -n rabbit@host}, {@code -s nats://…}, {@code --admin-url}, MQTT's {@code -h}): a loopback address is a sandbox on this machine, a
 * prod host is prod, and nothing named is unknown (these tools are run on the servers as often as against a local
 * broker).
 */
public final class DataServiceRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(KafkaClients.PROGRAMS);
        all.addAll(ZooKeeperCli.PROGRAMS);
        all.addAll(MqttClients.PROGRAMS);
        all.addAll(List.of("etcdctl", "etcdutl", "rabbitmqctl", "rabbitmqadmin", "nats", "pulsar-admin", "pulsarctl", "pulsar-client", "celery", "rpk", "solr"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        if (ZooKeeperCli.PROGRAMS.contains(inv.program())) {
            return ZooKeeperCli.recognize(inv);
        }
        if (inv.program().equals("solr")) {
            return ZooKeeperCli.solr(inv).orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
        }
        if (MqttClients.PROGRAMS.contains(inv.program())) {
            return List.of(MqttClients.recognize(inv));
        }
        Optional<Operation> known = switch (inv.program()) {
            case "etcdctl", "etcdutl" -> EtcdCtl.recognize(inv);
            case "rabbitmqctl", "rabbitmqadmin" -> RabbitMqClients.recognize(inv);
            case "nats" -> Optional.of(NatsCli.recognize(inv));
            case "pulsar-admin", "pulsarctl", "pulsar-client" -> Optional.of(PulsarAdmin.recognize(inv));
            case "celery" -> Optional.of(CeleryCli.recognize(inv));
            case "rpk" -> Optional.of(RedpandaCli.recognize(inv));
            default -> Optional.of(KafkaClients.recognize(inv));
        };
        // a command the tables do not know is judged by its words, like any unfamiliar CLI's
        return known.map(List::of).orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /**
     * The host of a broker or endpoint list ({@code localhost:9092,kafka-2:9092}, {@code http://127.0.0.1:2379}): the
     * first that is not this machine, so one prod broker among local ones is not hidden.
     */
    static String host(String list) {
        String first = "";
        for (String entry : list.split(",")) {
            String h = Hosts.of(entry);
            if (h.isEmpty()) {
                continue;
            }
            if (first.isEmpty()) {
                first = h;
            }
            if (!Hosts.loopback(h)) {
                return h;
            }
        }
        return first;
    }

    /** Puts the host locator on the operation, unless the command runs on another machine (there localhost is that one). */
    static Operation located(Operation.Builder b, String host, Invocation inv) {
        if (!host.isEmpty() && !(Hosts.loopback(host) && inv.remote())) {
            b.locator("host", host);
        }
        return b.build();
    }
}
