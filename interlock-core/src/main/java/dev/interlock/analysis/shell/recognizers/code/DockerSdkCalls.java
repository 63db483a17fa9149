package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker SDK for Python in one-liner code, written back as the docker CLI line that does the same, so that the
 * docker table decides and the daemon places it: {@code client.containers.get('api').remove(force=True)} is
 * {@code docker rm -f api}, {@code containers.list()} is {@code docker ps -a}. The daemon is the client's
 * {@code base_url} ({@code docker -H URL}), else {@code DOCKER_HOST}, else this machine's. Calls that start or run code
 * ({@code containers.run}, {@code exec_run}, {@code put_archive}) are left to {@link UnreadCalls}: unread, they keep the
 * code opaque.
 */
final class DockerSdkCalls {

    private DockerSdkCalls() {
    }

    /** {@code {n}} is the object's name (or every object of the kind), {@code {f}} the force flag, {@code {a}} the call's next argument. */
    private static final Map<String, String> COLLECTION_CALLS = Map.ofEntries(
            Map.entry("containers.list", "ps -a"), Map.entry("containers.get", "inspect {n}"),
            Map.entry("containers.prune", "container prune -f"),
            Map.entry("images.list", "images"), Map.entry("images.get", "image inspect {n}"),
            Map.entry("images.remove", "rmi {f}{n}"), Map.entry("images.prune", "image prune -f"),
            Map.entry("images.pull", "pull {n}"), Map.entry("images.push", "push {n}"), Map.entry("images.search", "search {n}"),
            Map.entry("images.get_registry_data", "manifest inspect {n}"), Map.entry("images.load", "load"),
            Map.entry("volumes.list", "volume ls"), Map.entry("volumes.get", "volume inspect {n}"),
            Map.entry("volumes.prune", "volume prune -f"), Map.entry("volumes.create", "volume create {n}"),
            Map.entry("networks.list", "network ls"), Map.entry("networks.get", "network inspect {n}"),
            Map.entry("networks.prune", "network prune -f"), Map.entry("networks.create", "network create {n}"));

    /** Methods of one container, image, volume or network ({@code get('api').stop()}, {@code for c in ….list(): c.kill()}). */
    private static final Map<String, String> OBJECT_CALLS = Map.ofEntries(
            Map.entry("containers.remove", "rm {f}{n}"), Map.entry("containers.kill", "kill {n}"),
            Map.entry("containers.stop", "stop {n}"), Map.entry("containers.restart", "restart {n}"),
            Map.entry("containers.start", "start {n}"), Map.entry("containers.pause", "pause {n}"),
            Map.entry("containers.unpause", "unpause {n}"), Map.entry("containers.logs", "logs {n}"),
            Map.entry("containers.top", "top {n}"), Map.entry("containers.stats", "stats --no-stream {n}"),
            Map.entry("containers.diff", "diff {n}"), Map.entry("containers.export", "export {n}"),
            Map.entry("containers.wait", "wait {n}"), Map.entry("containers.reload", "inspect {n}"),
            Map.entry("containers.commit", "commit {n}"), Map.entry("containers.update", "update {n}"),
            Map.entry("containers.rename", "rename {n} {a}"), Map.entry("containers.get_archive", "cp {n}:{a} -"),
            Map.entry("images.remove", "rmi {f}{n}"), Map.entry("images.tag", "tag {n} {a}"),
            Map.entry("images.history", "history {n}"), Map.entry("images.save", "save {n}"),
            Map.entry("images.reload", "image inspect {n}"),
            Map.entry("volumes.remove", "volume rm {f}{n}"), Map.entry("volumes.reload", "volume inspect {n}"),
            Map.entry("networks.remove", "network rm {n}"), Map.entry("networks.reload", "network inspect {n}"),
            Map.entry("networks.connect", "network connect {n} {a}"), Map.entry("networks.disconnect", "network disconnect {n} {a}"));

    /** Calls on the client itself: {@code DockerClient}'s and the low-level {@code APIClient}'s, whose first argument names the object. */
    private static final Map<String, String> CLIENT_CALLS = Map.ofEntries(
            Map.entry("info", "info"), Map.entry("version", "version"), Map.entry("df", "system df"),
            Map.entry("ping", "version"), Map.entry("events", "events"), Map.entry("login", "login {r}"),
            Map.entry("containers", "ps -a"), Map.entry("images", "images"), Map.entry("volumes", "volume ls"),
            Map.entry("networks", "network ls"), Map.entry("inspect_container", "inspect {n:containers}"),
            Map.entry("inspect_image", "image inspect {n:images}"), Map.entry("inspect_volume", "volume inspect {n:volumes}"),
            Map.entry("inspect_network", "network inspect {n:networks}"), Map.entry("logs", "logs {n:containers}"),
            Map.entry("remove_container", "rm {f}{n:containers}"), Map.entry("remove_image", "rmi {f}{n:images}"),
            Map.entry("remove_volume", "volume rm {f}{n:volumes}"), Map.entry("remove_network", "network rm {n:networks}"),
            Map.entry("prune_containers", "container prune -f"), Map.entry("prune_images", "image prune -f"),
            Map.entry("prune_volumes", "volume prune -f"), Map.entry("prune_networks", "network prune -f"),
            Map.entry("kill", "kill {n:containers}"), Map.entry("stop", "stop {n:containers}"),
            Map.entry("restart", "restart {n:containers}"), Map.entry("start", "start {n:containers}"),
            Map.entry("pause", "pause {n:containers}"), Map.entry("unpause", "unpause {n:containers}"),
            Map.entry("top", "top {n:containers}"), Map.entry("stats", "stats --no-stream {n:containers}"),
            Map.entry("diff", "diff {n:containers}"), Map.entry("export", "export {n:containers}"),
            Map.entry("wait", "wait {n:containers}"), Map.entry("pull", "pull {n:images}"), Map.entry("push", "push {n:images}"),
            Map.entry("tag", "tag {n:images} {a}"));

    /** Every object of a kind, for a call whose object is not written out: the CLI's own idiom. */
    private static final Map<String, String> EVERY = Map.of("containers", "$(docker ps -aq)", "images", "$(docker images -q)",
            "volumes", "$(docker volume ls -q)", "networks", "$(docker network ls -q)");

    private static final Pattern FACTORY = Pattern.compile("(?:\\b(\\w+)\\s*=\\s*)?(?:\\bdocker\\s*\\.\\s*(?:client\\s*\\.\\s*)?)?\\b(from_env|DockerClient|APIClient)\\s*\\(");
    private static final Pattern BASE_URL = Pattern.compile("\\bbase_url\\s*=\\s*" + LIT);
    private static final Pattern POSITIONAL_URL = Pattern.compile("^\\s*" + LIT);
    private static final Pattern ENV_HOST = Pattern.compile("['\"]DOCKER_HOST['\"]\\s*:\\s*" + LIT);
    private static final Pattern COLLECTION_CALL = Pattern.compile("\\.\\s*(containers|images|volumes|networks)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern THEN = Pattern.compile("^\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern BOUND_ONE = Pattern.compile("\\b(\\w+)\\s*=\\s*[\\w.()'\"=:/ -]*?\\.\\s*(containers|images|volumes|networks)\\s*\\.\\s*get\\s*\\(");
    private static final Pattern BOUND_EVERY = Pattern.compile("\\bfor\\s+(\\w+)\\s+in\\s+[\\w.()'\"=:/ -]*?\\.\\s*(containers|images|volumes|networks)\\s*\\.\\s*list\\s*\\(");
    private static final Pattern AS = Pattern.compile("^\\s*as\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern FORCE = Pattern.compile("\\bforce\\s*=\\s*True\\b");
    private static final Pattern ALL_IMAGES = Pattern.compile("['\"]dangling['\"]\\s*:\\s*(?:False|0|['\"](?:false|0)['\"])");

    /** One container, image, volume or network the code holds in a variable: its kind, name ("" for every one) and daemon. */
    private record Held(String kind, String name, List<String> daemons) {
    }

    /** {@code env}: the variables the code runs with; {@code DOCKER_HOST} and {@code DOCKER_CONTEXT} place a default client. */
    static void find(String code, Map<String, String> env, List<String> lines, Set<String> accounted) {
        Map<String, String> clients = new HashMap<>();   // variable → daemon ("" = DOCKER_HOST or this machine's)
        Map<Integer, String> inline = new HashMap<>();   // opening parenthesis of a factory call → daemon
        Set<String> daemons = new LinkedHashSet<>();
        Matcher f = FACTORY.matcher(code);
        while (f.find()) {
            String args = ClientCallSyntax.callArguments(code, f.end());
            String daemon = daemon(f.group(2), args);
            daemons.add(daemon);
            inline.put(f.end() - 1, daemon);
            // client = docker.from_env(), or with docker.from_env() as client:
            Matcher as = AS.matcher(code.substring(Math.min(code.length(), f.end() + args.length() + 1)));
            String variable = f.group(1) != null ? f.group(1) : as.find() ? as.group(1) : null;
            if (variable != null) {
                clients.put(variable, daemon);
            }
        }
        List<String> unknownReceiver = daemons.isEmpty() ? List.of("") : List.copyOf(daemons);
        Set<String> out = new LinkedHashSet<>();
        Matcher c = COLLECTION_CALL.matcher(code);
        while (c.find()) {
            String kind = c.group(1);
            String method = c.group(2);
            String args = ClientCallSyntax.callArguments(code, c.end());
            List<String> on = receiver(code, c.start(), clients, inline).map(List::of).orElse(unknownReceiver);
            // get('api').remove(): the method of the object fetched
            int after = c.end() + args.length() + 1;
            Matcher then = THEN.matcher(after <= code.length() ? code.substring(after) : "");
            if (method.equals("get") && then.find() && OBJECT_CALLS.containsKey(kind + "." + then.group(1))) {
                String objectArgs = ClientCallSyntax.callArguments(code, after + then.end());
                accounted.add("get");
                accounted.add(then.group(1));
                emit(OBJECT_CALLS.get(kind + "." + then.group(1)), kind, firstLiteral(args), objectArgs, on, env, out);
                continue;
            }
            String template = COLLECTION_CALLS.get(kind + "." + method);
            if (template == null) {
                continue; // run, create: what they start is left unread
            }
            accounted.add(method);
            if (method.equals("prune") && kind.equals("images") && ALL_IMAGES.matcher(args).find()) {
                template = "image prune -a -f";
            }
            String name = firstLiteral(args).or(() -> keyword(args, "image", "repository", "name", "term")).orElse("");
            Optional<String> tag = keyword(args, "tag");
            if (tag.isPresent() && !name.isEmpty() && (method.equals("pull") || method.equals("push"))) {
                name = name + ":" + tag.get();
            }
            emit(template, kind, Optional.of(name).filter(n -> !n.isEmpty()), args, on, env, out);
        }
        Map<String, Held> held = held(code, clients, inline, unknownReceiver);
        Matcher m = METHOD.matcher(code);
        while (m.find()) {
            Held object = held.get(nameBefore(code, m.start()));
            if (object != null && OBJECT_CALLS.containsKey(object.kind() + "." + m.group(1))) {
                accounted.add(m.group(1));
                emit(OBJECT_CALLS.get(object.kind() + "." + m.group(1)), object.kind(), Optional.of(object.name())
                        .filter(n -> !n.isEmpty()), ClientCallSyntax.callArguments(code, m.end()), object.daemons(), env, out);
                continue;
            }
            String template = CLIENT_CALLS.get(m.group(1));
            Optional<String> client = template == null ? Optional.empty() : receiver(code, m.start(), clients, inline);
            if (client.isEmpty()) {
                continue; // a method of something else (a list's remove(), a thread's stop())
            }
            accounted.add(m.group(1));
            String args = ClientCallSyntax.callArguments(code, m.end());
            String kind = template.contains("{n:") ? Regex.replaceFirst(template, "^.*\\{n:(\\w+)\\}.*$", "$1") : "";
            template = template.replace("{n:" + kind + "}", "{n}")
                    .replace("{r}", keyword(args, "registry").map(ClientCallSyntax::quote).orElse(""));
            if (m.group(1).equals("prune_images") && ALL_IMAGES.matcher(args).find()) {
                template = "image prune -a -f";
            }
            Optional<String> name = firstLiteral(args).or(() -> keyword(args, "container", "image", "resource_id", "volume", "net_id", "name"));
            emit(template, kind, name, args, List.of(client.get()), env, out);
        }
        lines.addAll(out);
    }

    /** The daemon a client factory reaches: its {@code base_url}, the {@code DOCKER_HOST} it is given, else the default. */
    private static String daemon(String factory, String args) {
        Matcher url = BASE_URL.matcher(args);
        if (url.find()) {
            return lit(url, 1);
        }
        if (factory.equals("from_env")) {
            Matcher host = ENV_HOST.matcher(args);
            return host.find() ? lit(host, 1) : "";
        }
        Matcher first = POSITIONAL_URL.matcher(args);
        if (first.find()) {
            return lit(first, 1);
        }
        // a base_url the code computes names a daemon, but not one this line can tell: never this machine's by default
        return Regex.find(args, "\\bbase_url\\s*=") ? "$BASE_URL" : "";
    }

    /** The daemon of the client a call at {@code dot} is made on, when the code says which client that is. */
    private static Optional<String> receiver(String code, int dot, Map<String, String> clients, Map<Integer, String> inline) {
        int i = dot - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return Optional.empty();
        }
        if (code.charAt(i) == ')') {
            int depth = 0;
            for (int j = i; j >= 0; j--) {
                char ch = code.charAt(j);
                if (ch == ')') {
                    depth++;
                } else if (ch == '(' && --depth == 0) {
                    return Optional.ofNullable(inline.get(j));
                }
            }
            return Optional.empty();
        }
        return Optional.ofNullable(clients.get(nameBefore(code, dot)));
    }

    /** The name just before {@code dot} ({@code c} in {@code c.remove()}), or "" after a call or subscript. */
    private static String nameBefore(String code, int dot) {
        int end = dot;
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(code.charAt(start - 1)) || code.charAt(start - 1) == '_')) {
            start--;
        }
        return code.substring(start, end);
    }

    /** Variables holding one fetched object ({@code c = client.containers.get('api')}) or each listed one ({@code for c in …list()}). */
    private static Map<String, Held> held(String code, Map<String, String> clients, Map<Integer, String> inline, List<String> unknownReceiver) {
        Map<String, Held> out = new HashMap<>();
        Matcher one = BOUND_ONE.matcher(code);
        while (one.find()) {
            int dot = code.lastIndexOf('.', code.lastIndexOf(one.group(2), one.end()));
            List<String> on = receiver(code, dot, clients, inline).map(List::of).orElse(unknownReceiver);
            out.put(one.group(1), new Held(one.group(2), firstLiteral(ClientCallSyntax.callArguments(code, one.end())).orElse(""), on));
        }
        Matcher every = BOUND_EVERY.matcher(code);
        while (every.find()) {
            int dot = code.lastIndexOf('.', code.lastIndexOf(every.group(2), every.end()));
            List<String> on = receiver(code, dot, clients, inline).map(List::of).orElse(unknownReceiver);
            out.put(every.group(1), new Held(every.group(2), "", on));
        }
        return out;
    }

    private static void emit(String template, String kind, Optional<String> name, String args, List<String> daemons,
                             Map<String, String> env, Set<String> out) {
        String object = name.map(ClientCallSyntax::quote).orElse(EVERY.getOrDefault(kind, ""));
        List<String> literals = literals(args);
        String rest = template.replace("{n}", object)
                .replace("{f}", FORCE.matcher(args).find() ? "-f " : "")
                .replace("{a}", literals.size() > (name.isPresent() && literals.contains(name.get()) ? 1 : 0)
                        ? quote(literals.get(name.isPresent() && literals.contains(name.get()) ? 1 : 0)) : "")
                .strip();
        for (String daemon : daemons) {
            out.add("docker " + global(daemon, env) + rest);
        }
    }

    /** docker's flags for a client's daemon: its own URL, else the variables a default client follows, as the CLI does. */
    private static String global(String daemon, Map<String, String> env) {
        if (daemon.startsWith("$")) {
            return "-H \"" + daemon + "\" ";
        }
        if (!daemon.isEmpty()) {
            return "-H " + quote(daemon) + " ";
        }
        String host = env.getOrDefault("DOCKER_HOST", "");
        String context = env.getOrDefault("DOCKER_CONTEXT", "");
        return !host.isBlank() ? "-H " + quote(host) + " " : !context.isBlank() ? "--context " + quote(context) + " " : "";
    }

    private static Optional<String> firstLiteral(String args) {
        Matcher m = POSITIONAL_URL.matcher(args);
        return m.find() ? Optional.of(lit(m, 1)) : Optional.empty();
    }

    private static Optional<String> keyword(String args, String... names) {
        for (String n : names) {
            Matcher m = Regex.pattern("\\b" + n + "\\s*=\\s*" + LIT).matcher(args);
            if (m.find()) {
                return Optional.of(lit(m, 1));
            }
        }
        return Optional.empty();
    }

    private static List<String> literals(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = Regex.pattern(LIT).matcher(args);
        while (m.find()) {
            out.add(lit(m, 1));
        }
        return out;
    }
}
