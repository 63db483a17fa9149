package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.environment.Hosts;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MQTT clients in one-liner code — Python's paho-mqtt ({@code paho.mqtt.publish.single/multiple},
 * {@code subscribe.simple}, a {@code Client}'s {@code connect} then {@code publish}) and Node's mqtt.js
 * ({@code mqtt.connect(url)} then {@code client.publish}) — written back as the Mosquitto command that does the same
 * ({@code single('fleet/cmd/reset', '1', retain=True, hostname='mqtt.prod…')} is
 * {@code mosquitto_pub -h mqtt.prod… -t fleet/cmd/reset -m 1 -r}), so the broker table decides and the broker's host
 * places it. paho's helpers default to {@code localhost}; a client whose broker is not written out is placed nowhere.
 */
final class MqttCalls {

    private MqttCalls() {
    }

    private static final Pattern PUBLISH = Pattern.compile("\\.\\s*(single|multiple|publish|publishAsync)\\s*\\(");
    private static final Pattern SUBSCRIBE = Pattern.compile("\\.\\s*(simple|callback|subscribe|subscribeAsync)\\s*\\(");
    private static final Pattern HOSTNAME = Pattern.compile("\\bhostname\\s*=\\s*" + LIT);
    /** {@code client.connect('broker', 1883)}, {@code connect(host='broker')}, {@code mqtt.connect('mqtts://broker')}. */
    private static final Pattern CONNECT = Pattern.compile("\\.\\s*(?:connect|connect_async|connectAsync)\\s*\\(\\s*(?:host\\s*=\\s*)?" + LIT);
    private static final Pattern RETAIN = Pattern.compile("\\bretain['\"]?\\s*[=:]\\s*(?:True|true|1)\\b");
    private static final Pattern RETAIN_POSITIONAL = Pattern.compile("^\\s*" + LIT + "\\s*,\\s*(?:[^,]*),\\s*\\d\\s*,\\s*True\\b");
    private static final Pattern FIRST_LITERAL = Pattern.compile("^\\s*(?:topic\\s*=\\s*)?" + LIT);
    private static final Pattern PAYLOAD = Pattern.compile("^\\s*" + LIT + "\\s*,\\s*(?:payload\\s*=\\s*)?(None|" + LIT + ")");
    private static final Pattern NO_PAYLOAD = Pattern.compile("^\\s*" + LIT + "\\s*(?:$|,\\s*(?!payload\\b)\\w+\\s*=)");
    private static final Set<String> HELPERS = Set.of("single", "multiple", "simple", "callback");

    static void find(String code, List<String> lines, Set<String> accounted) {
        if (!code.contains("mqtt")) {
            return;
        }
        boolean paho = code.contains("paho");
        Matcher h = HOSTNAME.matcher(code);
        Matcher c = CONNECT.matcher(code);
        String connected = c.find() ? Hosts.of(lit(c, 1)) : "";
        Matcher m = PUBLISH.matcher(code);
        while (m.find()) {
            String call = m.group(1);
            if (!paho && HELPERS.contains(call)) {
                continue;
            }
            accounted.add(call);
            String args = ClientCallSyntax.callArguments(code, m.end());
            String host = HELPERS.contains(call) ? h.reset().find() ? lit(h, 1) : paho ? "localhost" : "" : connected;
            Matcher t = FIRST_LITERAL.matcher(call.equals("multiple") ? Regex.replaceAll(args, "^\\s*\\[\\s*[({]?\\s*(?:['\"]topic['\"]\\s*:\\s*)?", "") : args);
            String topic = t.find() ? lit(t, 1) : "";
            boolean retain = RETAIN.matcher(args).find() || RETAIN_POSITIONAL.matcher(args).find();
            // paho's payload defaults to None: a retained empty message clears the one the broker keeps
            Matcher p = PAYLOAD.matcher(args);
            boolean given = p.find();
            boolean empty = given ? "None".equals(p.group(3)) || lit(p, 4).isEmpty() : NO_PAYLOAD.matcher(args).find();
            String payload = empty ? " -n" : " -m " + quote(given ? lit(p, 4) : "?");
            lines.add("mosquitto_pub" + (host.isEmpty() ? "" : " -h " + quote(host)) + " -t " + quote(topic.isEmpty() ? "?" : topic)
                    + payload + (retain ? " -r" : ""));
        }
        Matcher s = SUBSCRIBE.matcher(code);
        while (s.find()) {
            String call = s.group(1);
            if (!paho && HELPERS.contains(call)) {
                continue;
            }
            accounted.add(call);
            String host = HELPERS.contains(call) ? h.reset().find() ? lit(h, 1) : "localhost" : connected;
            Matcher t = FIRST_LITERAL.matcher(ClientCallSyntax.callArguments(code, s.end()));
            lines.add("mosquitto_sub" + (host.isEmpty() ? "" : " -h " + quote(host)) + " -t " + quote(t.find() ? lit(t, 1) : "#") + " -C 1");
        }
    }
}
