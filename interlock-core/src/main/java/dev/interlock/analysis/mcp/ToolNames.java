package dev.interlock.analysis.mcp;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How MCP tool names are read. Servers spell the same tool {@code execute_query}, {@code execute-query} or
 * {@code executeQuery}, and often put their own name first ({@code jira_get_issue}, {@code mysql_query}); the tables
 * are looked up under each spelling. A tool no table knows is a read only when its first verb is a reading one and
 * nothing after it asks for secrets or chains a change ({@code get_merge_request} and {@code list_deployments} read;
 * {@code get_api_key} and {@code get_or_create_user} do not).
 */
final class ToolNames {

    private static final Set<String> READING = Set.of("get", "list", "describe", "search", "read", "show", "fetch", "find",
            "view", "explain", "lookup", "inspect", "count", "check", "validate", "summarize", "summarise", "resolve",
            "retrieve", "browse", "preview", "diff", "watch", "tail", "logs", "status", "whoami", "version", "ping",
            "info", "details");
    private static final Set<String> CHANGING = Set.of("delete", "remove", "drop", "destroy", "purge", "truncate", "kill",
            "terminate", "reset", "wipe", "exec", "execute", "run", "write", "update", "create", "put", "set", "apply", "patch",
            "push", "merge", "deploy", "install", "uninstall", "grant", "revoke", "rotate", "restart", "scale", "stop", "start",
            "send", "post", "upload", "move", "rename", "copy", "attach", "detach", "enable", "disable", "approve", "assume",
            "add", "edit", "modify", "replace", "insert", "upsert", "publish", "cancel", "close", "trigger", "invoke", "call",
            "refund", "charge", "transfer", "archive", "restore", "rollback", "sync", "import", "export", "cordon", "drain",
            "evict", "reboot", "shutdown", "pause", "resume", "suspend", "unsuspend", "promote", "demote", "flush", "clear",
            "expire", "reindex", "migrate", "seed", "generate", "sign", "impersonate", "login", "logout", "submit", "transition",
            "assign", "unassign", "register", "unregister", "deregister", "reject", "revert", "reopen", "activate", "deactivate");
    /**
     * Changing words that are never the noun of a reading tool's object ({@code get_merge_request} and
     * {@code get_workflow_run} read; {@code get_model_then_promote}, {@code fetch_and_update} do not): one of these
     * anywhere in a name makes it a change, wherever the reading word stands.
     */
    private static final Set<String> ONLY_VERBS = Set.of("transition", "promote", "demote", "assign", "unassign", "approve",
            "register", "unregister", "deregister", "set", "update", "move", "delete", "remove", "drop", "destroy", "purge",
            "truncate", "terminate", "wipe", "create", "apply", "grant", "revoke", "rotate", "restart", "rename", "attach",
            "detach", "enable", "disable", "add", "edit", "modify", "replace", "insert", "upsert", "cancel", "invoke", "refund",
            "evict", "reboot", "suspend", "unsuspend", "reindex", "impersonate", "revert", "reject", "reopen", "activate",
            "deactivate", "kill", "reset", "overwrite");
    /**
     * Changing words that also name a thing ({@code merge_request}): a change when last in a name. Not deploy or archive,
     * which end reading names ({@code get_deploy}, {@code get_archive}).
     */
    private static final Set<String> VERB_OR_NOUN = Set.of("merge", "publish", "rollback", "restore", "scale");
    /** Words in front of a verb that make a tool act on many things at once. */
    private static final Set<String> QUANTIFIERS = Set.of("bulk", "batch", "mass", "multi", "all", "many", "force", "recursive");
    /** Nouns a read of which prints secret material. */
    private static final Set<String> SECRET = Set.of("secret", "secrets", "credential", "credentials", "token", "tokens",
            "password", "passwords", "passwd", "key", "keys", "apikey", "api_key", "private", "kubeconfig", "connection_string",
            "dsn", "env", "environment_variables");

    private ToolNames() {
    }

    /** The spellings to look a tool up under: as sent, in snake case, and without the server's name in front. */
    static List<String> spellings(String server, String tool) {
        Set<String> out = new LinkedHashSet<>();
        out.add(tool);
        String snake = snake(tool);
        out.add(snake);
        for (String prefix : prefixes(server)) {
            if (snake.startsWith(prefix + "_") && snake.length() > prefix.length() + 1) {
                out.add(snake.substring(prefix.length() + 1));
            }
        }
        // a product or API name in front that is not the server's (mcp-atlassian's jira_add_comment, Notion's
        // API-post-database-query); a verb or a quantifier in front (bulk_update_issues) is part of what the tool does
        int first = snake.indexOf('_');
        if (first > 0 && snake.indexOf('_', first + 1) > 0) {
            String word = snake.substring(0, first);
            if (!READING.contains(word) && !CHANGING.contains(word) && !QUANTIFIERS.contains(word)) {
                out.add(snake.substring(first + 1));
            }
        }
        return List.copyOf(out);
    }

    /** What a {@code query_…} tool queries when it only reads: metrics, logs and traces (a query of a database may write). */
    private static final Set<String> TELEMETRY = Set.of("prometheus", "promql", "loki", "logql", "logs", "log", "metrics",
            "metric", "traces", "trace", "tempo", "cloudwatch", "insights", "datadog", "splunk", "elasticsearch", "opensearch",
            "graphite", "influx", "alerts", "events", "spans");

    /** Whether a word of a tool's name changes something. */
    static boolean changing(String word) {
        return CHANGING.contains(word);
    }

    /**
     * Whether a tool no table knows reads, by its name: its first verb reads, and no word after it changes
     * ({@code transition_model_version_stage} and {@code get_version_then_set_stage} do not read though "version" and
     * "get" do).
     */
    static boolean reads(String tool) {
        List<String> words = List.of(snake(tool).split("_"));
        if (words.stream().anyMatch(ONLY_VERBS::contains) || VERB_OR_NOUN.contains(words.getLast())) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("query") && words.subList(i + 1, words.size()).stream().anyMatch(TELEMETRY::contains)
                    && words.stream().noneMatch(CHANGING::contains)) {
                return true; // query_prometheus, query_loki_logs
            }
            if (CHANGING.contains(w)) {
                return false;
            }
            if (READING.contains(w)) {
                List<String> rest = words.subList(i + 1, words.size());
                boolean chained = rest.stream().anyMatch(r -> r.equals("and") || r.equals("or") || r.equals("then"))
                        && rest.stream().anyMatch(CHANGING::contains);
                return !chained && rest.stream().noneMatch(SECRET::contains)
                        && !String.join("_", rest).contains("api_key") && !String.join("_", rest).contains("connection_string");
            }
        }
        return false;
    }

    /** Verbs a tool name can state plainly, by what they do to the object named after them. */
    private static final Map<String, Verb> PLAIN_CHANGES = Map.ofEntries(
            Map.entry("create", Verb.CREATE), Map.entry("add", Verb.CREATE),
            Map.entry("insert", Verb.CREATE), Map.entry("new", Verb.CREATE),
            Map.entry("register", Verb.CREATE), Map.entry("update", Verb.UPDATE),
            Map.entry("edit", Verb.UPDATE), Map.entry("modify", Verb.UPDATE),
            Map.entry("patch", Verb.UPDATE), Map.entry("rename", Verb.UPDATE),
            Map.entry("upsert", Verb.UPDATE), Map.entry("set", Verb.UPDATE),
            Map.entry("delete", Verb.DELETE), Map.entry("remove", Verb.DELETE),
            Map.entry("drop", Verb.DELETE), Map.entry("destroy", Verb.DELETE));
    /**
     * Objects whose change is more than its verb says: someone's permissions, secrets, data leaving by a share or a hook,
     * the guard's own approvals and rules, the agent's MCP servers. A tool that names one stays opaque.
     */
    private static final Set<String> NOT_BY_NAME = Set.of("role", "roles", "permission", "permissions", "policy",
            "policies", "admin", "admins", "acl", "acls", "member", "members", "membership", "memberships", "privilege",
            "privileges", "grant", "grants", "access", "rolebinding", "owner", "owners", "collaborator", "collaborators",
            "sudo", "superuser", "iam", "webhook", "webhooks", "hook", "hooks", "share", "shares", "sharing", "link", "links",
            "public", "external", "invite", "invites", "invitation", "invitations", "approval", "approvals", "rule", "rules",
            "mcp", "interlock", "to", "into", "from", "and", "or", "then", "with", "as", "for");

    /** A change a tool's name states: the verb and the object it acts on ({@code delete_component}: delete, component). */
    record NamedChange(Verb verb, String object, boolean many) {}

    /**
     * The change a tool no table knows states in its name, under any of its spellings: a plain verb first
     * ({@link #PLAIN_CHANGES}), then an object of ordinary words ({@code create_user}, {@code update_record}). A
     * quantifier, a second verb, a secret or a permission in the name ({@code bulk_delete}, {@code create_and_deploy},
     * {@code create_api_key}, {@code add_role}) leaves the tool opaque.
     */
    static Optional<NamedChange> change(String server, String tool) {
        for (String spelling : spellings(server, tool)) {
            String snake = snake(spelling);
            int cut = snake.indexOf('_');
            Verb verb = cut > 0 ? PLAIN_CHANGES.get(snake.substring(0, cut)) : null;
            if (verb == null) {
                continue;
            }
            List<String> object = List.of(snake.substring(cut + 1).split("_"));
            boolean plain = object.stream().allMatch(w -> !w.isEmpty() && !CHANGING.contains(w) && !READING.contains(w)
                    && !QUANTIFIERS.contains(w) && !SECRET.contains(w) && !NOT_BY_NAME.contains(w) && !w.chars().allMatch(Character::isDigit));
            if (!plain || snake.contains("api_key") || snake.contains("connection_string")) {
                return Optional.empty();
            }
            String last = object.getLast();
            boolean many = last.length() > 3 && last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us");
            return Optional.of(new NamedChange(verb, String.join("-", object), many));
        }
        return Optional.empty();
    }

    /**
     * The operation a dispatching tool is asked for, or "": Netlify's servers name a family of operations per tool
     * ({@code netlify-project-services-reader}) and take the one to run as {@code selectSchema.operation}
     * ({@code get-projects}, {@code deploy-site}); the operation, not the tool, says what the call does.
     */
    static String operation(com.fasterxml.jackson.databind.JsonNode arguments) {
        com.fasterxml.jackson.databind.JsonNode op = arguments.path("selectSchema").path("operation");
        return op.isTextual() ? op.asText() : "";
    }

    /** {@code executeQuery}, {@code execute-query}, {@code Execute Query} → {@code execute_query}. */
    static String snake(String name) {
        // One pass, no regular expressions: every MCP tool call spells its tool's name this way.
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
            if (boundary || !Character.isLetterOrDigit(c)) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
                if (!boundary) {
                    continue;
                }
            }
            b.append(Character.toLowerCase(c));
        }
        if (!b.isEmpty() && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static final Pattern SERVER_WORDS = Pattern.compile("(^|_)(mcp|server)(?=_|$)");

    /** {@code mcp-atlassian} → atlassian; {@code github-mcp-server} → github. */
    private static List<String> prefixes(String server) {
        List<String> out = new ArrayList<>();
        String s = snake(SERVER_WORDS.matcher(snake(server)).replaceAll("_"));
        if (!s.isEmpty()) {
            out.add(s);
            out.add(Regex.before(s, "_"));
        }
        return out;
    }
}
