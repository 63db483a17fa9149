package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * etcd client calls in one-liner code, python-etcd3 ({@code etcd3.client(host=…).delete_prefix('/app')}) and the Node
 * {@code etcd3} package ({@code new Etcd3({hosts}).delete().all()}, a fluent builder whose next call says what is
 * deleted or read), written back as the {@code etcdctl} line that does the same against the same endpoint, so that the
 * etcdctl table decides: a delete of every key is scope all, a get under {@code /registry/secrets} a credential read.
 * Both libraries connect to {@code 127.0.0.1:2379} when no host is given.
 */
final class EtcdCalls {

    /** A name bound to a client: {@code c = etcd3.client(…)}, {@code const c = new Etcd3(…)}. */
    private static final Pattern CLIENT = Pattern.compile("(\\w+)\\s*=\\s*(?:await\\s+)?(?:new\\s+)?(?:etcd3\\s*\\.\\s*)?"
            + "(?:client|Etcd3Client|Etcd3)\\s*\\(");
    private static final Pattern FACTORY = Pattern.compile("client|Etcd3Client|Etcd3");
    private static final Pattern NEXT_CALL = Pattern.compile("^\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern PY_HOST = Pattern.compile("\\b(?:etcd3\\s*\\.\\s*)?(?:client|Etcd3Client)\\s*\\(\\s*(?:host\\s*=\\s*)?" + LIT);
    private static final Pattern HOST_KWARG = Pattern.compile("\\bhost\\s*=\\s*" + LIT);
    private static final Pattern JS_HOSTS = Pattern.compile("\\bhosts\\s*:\\s*\\[?\\s*" + LIT);

    /** Method → etcdctl command; {@code KEY} is replaced by the call's first literal. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("get", "get KEY"), Map.entry("get_prefix", "get KEY --prefix"), Map.entry("get_all", "get '' --prefix"),
            Map.entry("get_range", "get KEY --from-key"),
            Map.entry("put", "put KEY"), Map.entry("replace", "put KEY"), Map.entry("put_if_not_exists", "put KEY"),
            Map.entry("delete_prefix", "del KEY --prefix"),
            Map.entry("status", "endpoint status"), Map.entry("memberList", "member list"),
            Map.entry("add_member", "member add"), Map.entry("memberAdd", "member add"),
            Map.entry("remove_member", "member remove KEY"), Map.entry("memberRemove", "member remove"),
            Map.entry("update_member", "member update"), Map.entry("memberUpdate", "member update"),
            Map.entry("compact", "compaction KEY"), Map.entry("defragment", "defrag"), Map.entry("move_leader", "move-leader"),
            Map.entry("list_alarms", "alarm list"), Map.entry("disarm_alarm", "alarm disarm"),
            Map.entry("watch", "watch KEY"), Map.entry("watch_once", "watch KEY"), Map.entry("watch_prefix", "watch KEY --prefix"),
            Map.entry("add_watch_callback", "watch KEY"), Map.entry("add_watch_prefix_callback", "watch KEY --prefix"),
            Map.entry("lease", "lease grant"), Map.entry("revoke_lease", "lease revoke KEY"),
            Map.entry("refresh_lease", "lease keep-alive"), Map.entry("get_lease_info", "lease timetolive"),
            Map.entry("lock", "lock KEY"), Map.entry("transaction", "txn"), Map.entry("if", "txn"),
            Map.entry("snapshot", "snapshot save KEY"), Map.entry("user", "user"), Map.entry("role", "role"));
    /** Calls that are the connection's own business. */
    private static final Set<String> PLUMBING = Set.of("close", "connect", "namespace", "mock", "unmock", "then", "catch");

    private EtcdCalls() {
    }

    static void find(String code, List<String> lines, Set<String> accounted) {
        String endpoint = endpoint(code);
        for (ClientCallSyntax.ClientCall call : ClientCallSyntax.clientCalls(code, List.of(CLIENT), FACTORY)) {
            String method = call.method();
            accounted.add(method);
            String args = ClientCallSyntax.callArguments(code, call.argumentsAt());
            Optional<String> command = PLUMBING.contains(method) ? Optional.empty()
                    : method.equals("delete") || method.equals("getAll") ? Optional.of(builder(method, code, call.argumentsAt() + args.length() + 1, args, accounted))
                    : Optional.ofNullable(METHODS.get(method)).map(t -> t.replace("KEY", quote(first(args))));
            command.ifPresent(line -> lines.add("etcdctl --endpoints " + quote(endpoint) + " " + line));
        }
    }

    /**
     * python-etcd3's {@code delete(key)}, or the Node builders {@code delete()} and {@code getAll()}, whose chained
     * {@code key(k)}, {@code prefix(p)}, {@code all()}, {@code keys()} say what they touch; a chain not read here is
     * taken as every key.
     */
    private static String builder(String method, String code, int after, String args, Set<String> accounted) {
        boolean delete = method.equals("delete");
        if (delete && !first(args).isEmpty()) {
            return "del " + quote(first(args));
        }
        String key = "''";
        String prefix = " --prefix";
        String keysOnly = "";
        int at = Math.min(after, code.length());
        Matcher next = NEXT_CALL.matcher(code.substring(at));
        while (next.find()) {
            String call = next.group(1);
            String callArgs = ClientCallSyntax.callArguments(code, at + next.end());
            accounted.add(call);
            switch (call) {
                case "key" -> {
                    key = quote(first(callArgs));
                    prefix = "";
                }
                case "prefix" -> key = quote(first(callArgs));
                case "keys" -> keysOnly = " --keys-only";
                default -> { }
            }
            at = Math.min(at + next.end() + callArgs.length() + 1, code.length());
            next = NEXT_CALL.matcher(code.substring(at));
        }
        return (delete ? "del " : "get ") + key + prefix + keysOnly;
    }

    private static String endpoint(String code) {
        Matcher js = JS_HOSTS.matcher(code);
        if (js.find()) {
            return lit(js, 1);
        }
        Matcher py = PY_HOST.matcher(code);
        if (py.find()) {
            return lit(py, 1);
        }
        Matcher kw = HOST_KWARG.matcher(code);
        return kw.find() ? lit(kw, 1) : "127.0.0.1:2379";
    }

    private static String first(String args) {
        Matcher k = Regex.pattern(LIT).matcher(args);
        return k.find() ? lit(k, 1) : Regex.matches(args.strip(), "\\d+") ? args.strip() : "";
    }
}
