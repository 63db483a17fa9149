package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MQTT clients: Mosquitto's {@code mosquitto_sub}, {@code mosquitto_pub}, {@code mosquitto_rr} and EMQX's {@code mqttx}.
 * Subscribing only reads (a prod broker's telemetry, {@code --retained-only}, {@code -C}/{@code -W} limits), except
 * {@code --remove-retained}, which clears what it matches. Publishing reaches every device that subscribes to the
 * topic; a retained message ({@code -r}) also reaches every one that subscribes later, and an empty retained message
 * ({@code -n -r}) clears the one the broker keeps. The broker is {@code -h} or the {@code -L} URL's host, placed by the
 * inventory; nothing named is unknown, since a client's options file can name any broker.
 */
final class MqttClients {

    private MqttClients() {
    }

    static final Set<String> PROGRAMS = Set.of("mosquitto_sub", "mosquitto_pub", "mosquitto_rr", "mqttx");

    private static final Set<String> VALUED = Set.of("-h", "--host", "-p", "--port", "-t", "--topic", "-T",
            "--filter-out", "-U", "--unsubscribe", "-m", "--message", "-f", "--file", "-q", "--qos", "-i", "--id", "-I",
            "--id-prefix", "-u", "--username", "-P", "--pw", "--password", "-L", "--url", "-k", "--keepalive", "-A",
            "-C", "--count", "-W", "--timeout", "-F", "--format", "-M", "-x", "-V", "--protocol-version", "-o",
            "--cafile", "--capath", "--cert", "--key", "--ca", "--ciphers", "--tls-version", "--psk",
            "--psk-identity", "--proxy", "--will-topic", "--will-payload", "--will-qos", "--unix", "-e",
            "--random-filter", "--tls-alpn", "--tls-engine", "--keyform", "--repeat", "--repeat-delay", "-l",
            "--limit", "--interval", "-c", "--count-clients", "--message-interval", "--config", "--file-read",
            "--file-write", "--file-save", "--output-mode", "--mqtt-version", "--session-expiry-interval");

    /** mqttx takes {@code -c} as its client count and {@code -l} as a limit, mosquitto takes them bare (clean session, lines). */
    private static final Set<String> MOSQUITTO_VALUED = without(VALUED, "-l", "-c");

    /** {@code mqttx} subcommands; {@code bench pub} publishes a load test. */
    private static final CommandTable MQTTX = CommandTable.builder()
            .add("", "sub conn", read("topic"))
            .add("", "pub", update("topic"))
            .add("", "simulate", update("topic").many().note("publishes a simulated device's messages"))
            .add("bench", "sub conn", read("topic"))
            .add("bench", "pub", update("topic").many().note("publishes a load test's messages"))
            .add("", "init ls list check", local("config"))
            .build();

    static Operation recognize(Invocation inv) {
        boolean mqttx = inv.program().equals("mqttx");
        ParsedArgs p = inv.parse(mqttx ? VALUED : MOSQUITTO_VALUED);
        String url = p.value("-L", "--url").orElse("");
        String topic = p.value("-t", "--topic").orElse(topicOf(url));
        CommandTable.Act act;
        if (mqttx) {
            act = MQTTX.findOrGuess(p.words(), 2, "topic").act();
            if (act.here()) {
                return act.operation(inv, "mqtt", "").build();
            }
        } else {
            act = inv.program().equals("mosquitto_sub") ? read("topic") : update("topic");
        }
        boolean retain = p.has("-r", "--retain");
        boolean wildcard = topic.equals("#") || topic.contains("+") || topic.endsWith("/#");
        if (p.has("--remove-retained")) {
            act = delete("retained-message").note("clears the retained messages of every topic it matches");
            act = wildcard ? topic.equals("#") ? act.all() : act.many() : act;
        } else if (act.verb() != Verb.READ && retain) {
            boolean empty = p.has("-n", "--null-message") || p.value("-m", "--message").filter(String::isEmpty).isPresent();
            act = empty ? delete("retained-message").note("clears the message the broker keeps for the topic")
                    : act.many().note("a retained message: every device that subscribes to the topic, now or later, receives it");
        } else if (act.verb() != Verb.READ && (act.note() == null || act.note().isEmpty())) {
            act = act.note("publishes to the topic: whatever subscribes acts on it");
        }
        Operation.Builder b = act.operation(inv, "mqtt", topic);
        String host = Hosts.of(p.value("-h", "--host").orElse(url));
        return DataServiceRecognizer.located(b, host, inv);
    }

    /** The topic of an {@code mqtt://user:pw@host:port/topic} URL. */
    private static String topicOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? "" : url.substring(slash + 1);
    }

    private static Set<String> without(Set<String> all, String... drop) {
        Set<String> out = new HashSet<>(all);
        out.removeAll(List.of(drop));
        return Set.copyOf(out);
    }
}
