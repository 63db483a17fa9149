package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Configuration-management servers, each call the command line it stands for, judged by the shell recognizers that
 * know those tools (so the tables live in one place). Salt's REST API and the MCP servers over it ({@code salt-api}'s
 * lowstate {@code {client, tgt, tgt_type, fun, arg, kwarg}}): the {@code local} client is {@code salt TGT FUN ARG…}
 * ({@code test.ping} and {@code grains.items} read, {@code cmd.run} is its command on the minions), {@code runner} is
 * {@code salt-run}, {@code ssh} is {@code salt-ssh}, the {@code wheel} key functions are {@code salt-key}. Ansible's
 * servers: {@code run_playbook} is {@code ansible-playbook -i INVENTORY PLAYBOOK --limit LIMIT} (the inventory's path
 * and the hosts place it), {@code run_ad_hoc} is {@code ansible PATTERN -m MODULE -a ARGS}.
 */
final class ConfigManagementTools {

    private ConfigManagementTools() {
    }

    private static final Pattern SALT = Pattern.compile("(?i)salt");
    private static final Pattern ANSIBLE = Pattern.compile("(?i)ansible");

    /** Salt's target types and the salt flag for each ({@code glob}, the default, has none). */
    private static final Map<String, String> TARGET_FLAGS = Map.ofEntries(Map.entry("grain", "-G"),
            Map.entry("grain_pcre", "-P"), Map.entry("pillar", "-I"), Map.entry("pillar_pcre", "-J"),
            Map.entry("pcre", "-E"), Map.entry("list", "-L"), Map.entry("nodegroup", "-N"), Map.entry("compound", "-C"),
            Map.entry("ipcidr", "-S"), Map.entry("range", "-R"));
    /** Salt's wheel key functions and the salt-key flag for each. */
    private static final Map<String, String> KEY_FLAGS = Map.of("key.delete", "-d", "key.delete_dict", "-d",
            "key.reject", "-r", "key.reject_dict", "-r", "key.accept", "-a", "key.accept_dict", "-a", "key.list", "-L",
            "key.list_all", "-L", "key.finger", "-F", "key.name_match", "-L");

    private static List<Operation> lowstate(McpCall c) {
        String fun = c.text("fun", "function");
        if (fun.isEmpty()) {
            return List.of(c.opaque("a Salt call without a function"));
        }
        String client = c.text("client");
        List<String> argv = new ArrayList<>();
        if (client.startsWith("runner")) {
            argv.addAll(List.of("salt-run", fun));
        } else if (client.startsWith("wheel")) {
            String flag = KEY_FLAGS.get(fun);
            if (flag == null) {
                return List.of(c.opaque("the wheel function " + fun + " changes the Salt master; Interlock does not know it"));
            }
            String match = c.text("match", "tgt", "id");
            argv.addAll(flag.equals("-L") ? List.of("salt-key", "-L") : List.of("salt-key", flag, match.isEmpty() ? "*" : match, "-y"));
            return c.analyses().shell(Shell.join(argv));
        } else {
            argv.add(client.equals("ssh") ? "salt-ssh" : "salt");
            String flag = TARGET_FLAGS.get(c.text("tgt_type", "expr_form", "target_type"));
            if (flag != null) {
                argv.add(flag);
            }
            List<String> target = c.texts("tgt", "target");
            argv.add(target.isEmpty() ? "*" : String.join(",", target));
            argv.add(fun);
        }
        argv.addAll(c.texts("arg", "args"));
        JsonNode kwarg = c.arguments().get("kwarg");
        if (kwarg != null && kwarg.isObject()) {
            kwarg.properties().forEach(e -> argv.add(e.getKey() + "=" + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())));
        }
        return c.analyses().shell(Shell.join(argv));
    }

    /** A tool for one Salt function on the targeted minions ({@code cmd_run} with {@code cmd}, {@code ping}). */
    private static Function<McpCall, List<Operation>> salt(String fun, String... argNames) {
        return c -> {
            List<String> target = c.texts("tgt", "target", "minion", "minion_id");
            List<String> argv = new ArrayList<>(List.of("salt", target.isEmpty() ? "*" : String.join(",", target), fun));
            argv.addAll(c.texts(argNames));
            if (c.flag("test")) {
                argv.add("test=True");
            }
            return c.analyses().shell(Shell.join(argv));
        };
    }

    static final ToolFamily SALT_FAMILY = new ToolFamily("salt",
            c -> SALT.matcher(c.server()).find() || c.arguments().has("fun"), Map.ofEntries(
            Map.entry("run", ConfigManagementTools::lowstate),
            Map.entry("lowstate", ConfigManagementTools::lowstate),
            Map.entry("execute", ConfigManagementTools::lowstate),
            Map.entry("run_function", ConfigManagementTools::lowstate),
            Map.entry("execute_function", ConfigManagementTools::lowstate),
            Map.entry("call", ConfigManagementTools::lowstate),
            Map.entry("ping", salt("test.ping")),
            Map.entry("test_ping", salt("test.ping")),
            Map.entry("cmd_run", salt("cmd.run", "cmd", "command")),
            Map.entry("run_cmd", salt("cmd.run", "cmd", "command")),
            Map.entry("state_apply", salt("state.apply", "state", "mods", "sls")),
            Map.entry("apply_state", salt("state.apply", "state", "mods", "sls")),
            Map.entry("grains_items", salt("grains.items"))));

    private static List<Operation> playbook(McpCall c) {
        return playbook(c, "");
    }

    /** The playbook run, with {@code mode} ({@code --check}, {@code --syntax-check}) when the tool only looks. */
    private static List<Operation> playbook(McpCall c, String mode) {
        List<String> argv = new ArrayList<>(List.of("ansible-playbook"));
        inventory(c, argv);
        argv.add(c.text("playbook", "playbook_path", "playbook_file", "path"));
        String limit = c.text("limit", "hosts", "host_pattern");
        if (!limit.isEmpty()) {
            argv.addAll(List.of("--limit", limit));
        }
        options(c, argv);
        for (String[] list : new String[][] {{"tags", "--tags"}, {"skip_tags", "--skip-tags"}}) {
            List<String> values = c.texts(list[0]);
            if (!values.isEmpty()) {
                argv.addAll(List.of(list[1], String.join(",", values)));
            }
        }
        if (c.flag("check", "check_mode", "dry_run")) {
            argv.add("--check");
        }
        if (c.flag("syntax_check")) {
            argv.add("--syntax-check");
        }
        argv.add(mode);
        return c.analyses().shell(Shell.join(argv));
    }

    private static List<Operation> adHoc(McpCall c, String defaultModule) {
        String pattern = c.text("pattern", "hosts", "host_pattern", "target", "limit");
        List<String> argv = new ArrayList<>(List.of("ansible", pattern.isEmpty() ? "all" : pattern));
        inventory(c, argv);
        argv.addAll(List.of("-m", c.text("module", "module_name").isEmpty() ? defaultModule : c.text("module", "module_name")));
        String args = c.text("args", "module_args", "arguments", "command");
        if (!args.isEmpty()) {
            argv.addAll(List.of("-a", args));
        }
        options(c, argv);
        if (c.flag("check", "check_mode")) {
            argv.add("--check");
        }
        return c.analyses().shell(Shell.join(argv));
    }

    private static void inventory(McpCall c, List<String> argv) {
        String inventory = c.text("inventory", "inventory_path", "inventory_file");
        if (!inventory.isEmpty()) {
            argv.addAll(List.of("-i", inventory));
        }
    }

    /** Extra variables and privilege escalation, as ansible's own flags. */
    private static void options(McpCall c, List<String> argv) {
        JsonNode vars = c.arguments().get("extra_vars");
        if (vars != null && !vars.isNull()) {
            argv.addAll(List.of("-e", vars.isTextual() ? vars.asText() : vars.toString()));
        }
        if (c.flag("become")) {
            argv.add("--become");
        }
    }

    static final ToolFamily ANSIBLE_FAMILY = new ToolFamily("ansible",
            c -> ANSIBLE.matcher(c.server()).find() || c.arguments().has("playbook"), Map.ofEntries(
            Map.entry("run_playbook", ConfigManagementTools::playbook),
            Map.entry("playbook", ConfigManagementTools::playbook),
            Map.entry("execute_playbook", ConfigManagementTools::playbook),
            Map.entry("ansible_playbook", ConfigManagementTools::playbook),
            Map.entry("check_playbook", c -> playbook(c, "--check")),
            Map.entry("syntax_check", c -> playbook(c, "--syntax-check")),
            Map.entry("validate_playbook", c -> playbook(c, "--syntax-check")),
            Map.entry("run_ad_hoc", c -> adHoc(c, "command")),
            Map.entry("ad_hoc", c -> adHoc(c, "command")),
            Map.entry("run_ad_hoc_command", c -> adHoc(c, "command")),
            Map.entry("ad_hoc_command", c -> adHoc(c, "command")),
            Map.entry("run_module", c -> adHoc(c, "command")),
            Map.entry("gather_facts", c -> adHoc(c, "setup")),
            Map.entry("ping", c -> adHoc(c, "ping"))));
}
