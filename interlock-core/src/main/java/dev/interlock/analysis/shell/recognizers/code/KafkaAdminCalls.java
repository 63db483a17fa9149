package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka admin clients in one-liner code — kafka-python's {@code KafkaAdminClient}, confluent-kafka's
 * {@code AdminClient}, aiokafka's, kafkajs' {@code kafka.admin()} — written back as the Kafka tool that does the same
 * ({@code delete_topics(['orders'])} is {@code kafka-topics --bootstrap-server H --delete --topic orders}), so the shell's
 * Kafka table decides and the bootstrap host places it. Listing and describing calls are the tools' reads.
 */
final class KafkaAdminCalls {

    private KafkaAdminCalls() {
    }

    /** The admin call, lower-cased without underscores (delete_topics and deleteTopics alike) → the tool's arguments. */
    private static final Map<String, String> CALLS = Map.ofEntries(
            Map.entry("deletetopics", "kafka-topics --delete"),
            Map.entry("createtopics", "kafka-topics --create"),
            Map.entry("createpartitions", "kafka-topics --alter"),
            Map.entry("alterconfigs", "kafka-configs --alter --entity-type topics"),
            Map.entry("incrementalalterconfigs", "kafka-configs --alter --entity-type topics"),
            Map.entry("deleterecords", "kafka-delete-records"),
            Map.entry("deletetopicrecords", "kafka-delete-records"),
            Map.entry("deleteconsumergroups", "kafka-consumer-groups --delete"),
            Map.entry("deletegroups", "kafka-consumer-groups --delete"),
            Map.entry("alterconsumergroupoffsets", "kafka-consumer-groups --reset-offsets --execute"),
            Map.entry("setoffsets", "kafka-consumer-groups --reset-offsets --execute"),
            Map.entry("resetoffsets", "kafka-consumer-groups --reset-offsets --execute"),
            Map.entry("deleteconsumergroupoffsets", "kafka-consumer-groups --delete-offsets"),
            Map.entry("createacls", "kafka-acls --add"),
            Map.entry("deleteacls", "kafka-acls --remove"),
            Map.entry("listtopics", "kafka-topics --list"),
            Map.entry("describetopics", "kafka-topics --describe"),
            Map.entry("fetchtopicmetadata", "kafka-topics --describe"),
            Map.entry("describecluster", "kafka-topics --list"),
            Map.entry("describeconfigs", "kafka-configs --describe"),
            Map.entry("listconsumergroups", "kafka-consumer-groups --list"),
            Map.entry("listgroups", "kafka-consumer-groups --list"),
            Map.entry("describeconsumergroups", "kafka-consumer-groups --describe"),
            Map.entry("describegroups", "kafka-consumer-groups --describe"),
            Map.entry("listconsumergroupoffsets", "kafka-consumer-groups --describe"),
            Map.entry("fetchoffsets", "kafka-consumer-groups --describe"),
            Map.entry("fetchtopicoffsets", "kafka-topics --describe"),
            Map.entry("describeacls", "kafka-acls --list"));
    /** The flag that names what each tool acts on. */
    private static final Map<String, String> NAME_FLAG = Map.of("kafka-topics", "--topic", "kafka-configs", "--entity-name",
            "kafka-consumer-groups", "--group");

    private static final Pattern CLIENT = Pattern.compile("AdminClient|\\.\\s*admin\\s*\\(|\\bAdmin\\s*\\.\\s*create\\s*\\(");
    private static final Pattern BOOTSTRAP = Pattern.compile("(?:bootstrap[._]servers['\"]?|brokers)\\s*(?:[=:]|(?<=['\"]),)\\s*\\[?\\s*" + LIT);
    private static final Pattern CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");
    /** {@code 'retention.ms': '1'}, {@code "cleanup.policy": "compact"}, {@code set_config('k', 'v')}. */
    private static final Pattern SETTING = Pattern.compile(LIT + "\\s*[:,]\\s*" + LIT);
    /** kafkajs names its resources inside objects: {@code {topics: ['a']}}, {@code {groupId: 'g'}}, {@code name: 'orders'}. */
    private static final Set<String> RESOURCE_TYPES = Set.of("topic", "broker", "group", "TOPIC", "BROKER", "GROUP", "2", "4");

    static void find(String code, List<String> lines, Set<String> accounted) {
        if (!code.contains("afka") || !CLIENT.matcher(code).find()) {
            return;
        }
        Matcher server = BOOTSTRAP.matcher(code);
        String bootstrap = server.find() ? " --bootstrap-server " + quote(lit(server, 1)) : "";
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String key = m.group(1).replace("_", "").toLowerCase(Locale.ROOT);
            String command = CALLS.get(key);
            if (command == null) {
                continue;
            }
            accounted.add(m.group(1));
            String tool = command.substring(0, command.indexOf(' ') > 0 ? command.indexOf(' ') : command.length());
            String args = ClientCallSyntax.callArguments(code, m.end());
            String line = tool + bootstrap + command.substring(tool.length());
            String flag = NAME_FLAG.get(tool);
            // alter_configs takes ConfigResource objects, often built before the call: their topic names them
            List<String> names = names(key.contains("alterconfigs") ? resources(code) : args, key);
            if (flag != null && !command.contains("--list")) {
                if (names.isEmpty() && !command.contains("--describe")) {
                    // names not written out (a variable, a comprehension): any topic or group, as a pattern does
                    names = List.of(".*");
                }
                for (String name : names.isEmpty() ? List.of("") : names) {
                    String settings = key.contains("alterconfigs") ? settings(code) : "";
                    lines.add(line + (name.isEmpty() ? "" : " " + flag + " " + quote(name)) + settings);
                }
            } else {
                lines.add(line);
            }
        }
    }

    /** The topics or groups a call names: its string literals, except config keys and resource-type words. */
    private static List<String> names(String args, String key) {
        String scan = key.contains("alterconfigs") ? Regex.replaceAll(args, "\\{[^{}]*\\}", "") : args;
        List<String> out = new ArrayList<>();
        Matcher s = Regex.pattern(LIT).matcher(scan);
        while (s.find()) {
            String v = lit(s, 1);
            if (!v.isEmpty() && !RESOURCE_TYPES.contains(v) && !v.contains("=") && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The arguments of every {@code ConfigResource(…)} in the code. */
    private static String resources(String code) {
        StringBuilder out = new StringBuilder();
        Matcher r = Regex.pattern("\\bConfigResource\\s*\\(").matcher(code);
        while (r.find()) {
            out.append(ClientCallSyntax.callArguments(code, r.end())).append(' ');
        }
        return out.toString();
    }

    /** The settings an alter writes, as kafka-configs' {@code --add-config k=v,…}. */
    private static String settings(String code) {
        List<String> pairs = new ArrayList<>();
        Matcher s = SETTING.matcher(code);
        while (s.find()) {
            String k = lit(s, 1);
            if (k.contains(".")) {
                pairs.add(k + "=" + lit(s, 3));
            }
        }
        return pairs.isEmpty() ? "" : " --add-config " + quote(String.join(",", pairs));
    }
}
