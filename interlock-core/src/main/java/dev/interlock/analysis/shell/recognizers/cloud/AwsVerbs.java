package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backbone of the AWS tables: AWS CLI operation names start with a verb word ({@code describe-instances},
 * {@code delete-db-cluster}), and that word says what the call does across all 300-odd services. Service tables
 * override it where the name misleads ({@code get-secret-value} reads a secret, {@code invoke} runs code).
 */
final class AwsVerbs {

    private AwsVerbs() {
    }

    /** Leading words, longest first where one is a prefix of another. */
    private static final Map<String, Verb> PREFIXES = new LinkedHashMap<>();

    static {
        for (String p : List.of("describe", "list", "get", "head", "batch-get", "query", "scan", "lookup", "search",
                "select", "estimate", "validate", "simulate", "test", "wait", "check", "verify", "preview", "filter",
                "tail", "download", "receive", "poll", "detect", "discover", "view", "show", "compare", "decode",
                "evaluate", "count")) {
            PREFIXES.put(p, Verb.READ);
        }
        for (String p : List.of("create", "run", "register", "import", "allocate", "copy", "upload", "restore",
                "request", "provision", "issue", "clone", "build", "generate", "export", "package")) {
            PREFIXES.put(p, Verb.CREATE);
        }
        for (String p : List.of("put", "start", "associate", "attach", "enable", "tag", "update", "modify", "set",
                "reset", "reboot", "stop", "restart", "replace", "rotate", "change", "add", "apply", "deploy", "send",
                "publish", "promote", "failover", "resume", "pause", "suspend", "accept", "reject", "confirm", "retry",
                "assign", "unassign", "authorize", "move", "rename", "recover", "lock", "unlock", "sync", "batch-put",
                "batch-update", "batch-write", "batch-execute", "continue", "signal", "notify", "redeploy", "rebuild",
                "increase", "decrease", "link", "unlink", "activate", "reactivate", "mount")) {
            PREFIXES.put(p, Verb.UPDATE);
        }
        for (String p : List.of("delete", "remove", "terminate", "deregister", "disassociate", "detach", "disable",
                "purge", "revoke", "cancel", "deactivate", "release", "untag", "schedule-key-deletion", "batch-delete",
                "batch-remove", "destroy", "drop", "flush", "empty", "wipe", "erase", "unmount", "abort")) {
            PREFIXES.put(p, Verb.DELETE);
        }
        for (String p : List.of("invoke", "execute", "exec")) {
            PREFIXES.put(p, Verb.EXECUTE);
        }
        PREFIXES.put("decrypt", Verb.CREDENTIAL);
        PREFIXES.put("encrypt", Verb.READ);
        PREFIXES.put("assume", Verb.ESCALATE);
    }

    /** The generic reading of an operation no table names: by its leading word, else by any verb word in it. */
    static AwsAction infer(String operation) {
        String op = operation.toLowerCase(java.util.Locale.ROOT);
        String best = "";
        for (String p : PREFIXES.keySet()) {
            if ((op.equals(p) || op.startsWith(p + "-")) && p.length() > best.length()) {
                best = p;
            }
        }
        if (!best.isEmpty()) {
            if (op.endsWith("-preview") && PREFIXES.get(best) != Verb.DELETE) {
                // start-lifecycle-policy-preview, create-access-preview: a preview reports what a change would do
                return AwsAction.of(Verb.READ, type(op.substring(best.length()))).note("a preview changes nothing");
            }
            AwsAction action = AwsAction.of(PREFIXES.get(best), type(op.substring(best.length())));
            return op.startsWith("batch-") && PREFIXES.get(best) != Verb.READ ? action.many() : action;
        }
        // Unknown leading word (admin-delete-user, cli-…): the strictest verb word anywhere in the name, as a guess.
        Verb guess = null;
        for (String word : op.split("-")) {
            Verb v = PREFIXES.get(word);
            if (v != null && (guess == null || rank(v) > rank(guess))) {
                guess = v;
            }
        }
        return AwsAction.of(guess == null ? Verb.UNKNOWN : guess, type(op)).inferred()
                .note("operation '" + operation + "' is not in the table; its effect is inferred from its name");
    }

    private static int rank(Verb v) {
        return switch (v) {
            case READ -> 0;
            case CREATE, UPDATE -> 1;
            case EXECUTE -> 2;
            case DELETE, CREDENTIAL -> 3;
            default -> 4;
        };
    }

    /** The resource type an operation name speaks of: {@code -db-instances} → {@code db-instance}. */
    static String type(String tail) {
        String t = tail.startsWith("-") ? tail.substring(1) : tail;
        if (t.isEmpty()) {
            return "";
        }
        if (t.endsWith("ies")) {
            return t.substring(0, t.length() - 3) + "y";
        }
        for (String plural : List.of("sses", "shes", "ches", "xes", "ases")) {
            if (t.endsWith(plural)) {
                return t.substring(0, t.length() - 2);
            }
        }
        if (t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Deletes scoped to one resource by default; a plural name over several values is many. */
    static Scope scopeFor(int names) {
        return names > 1 ? Scope.MANY : Scope.ONE;
    }
}
