package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.analysis.shell.recognizers.netdevices.DeviceCommands;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls of the Python libraries that drive routers, switches and remote machines: ncclient (NETCONF), NAPALM, Junos
 * PyEZ, Netmiko, Scrapli, pyeapi and Paramiko. The code acts on the host it connects to, not on this machine, so every
 * call carries that host. A call that sends CLI text ({@code send_command('show ip route')}, {@code dev.cli(…)},
 * {@code exec_command('systemctl restart frr')}) is written back as {@code ssh HOST '…'}, judged like the same text
 * typed over ssh; the libraries' own operations are read from {@link #METHODS}: getters and {@code get_config} read,
 * {@code edit_config}, {@code load_merge_candidate}, {@code commit}, {@code send_config_set} change, {@code reboot} and
 * {@code zeroize} take the device away.
 */
final class NetworkDeviceCalls {

    /** Library operation → what it does to the device. */
    private static final Map<String, Verb> METHODS = Map.ofEntries(
            // reads: NETCONF get and get-config, NAPALM getters, PyEZ's config diff and checks, SFTP listings
            Map.entry("get", Verb.READ), Map.entry("get_config", Verb.READ), Map.entry("get_schema", Verb.READ),
            Map.entry("validate", Verb.READ), Map.entry("commit_check", Verb.READ), Map.entry("diff", Verb.READ),
            Map.entry("pdiff", Verb.READ), Map.entry("is_alive", Verb.READ), Map.entry("compare_config", Verb.READ),
            Map.entry("facts_refresh", Verb.READ), Map.entry("find_prompt", Verb.READ), Map.entry("listdir", Verb.READ),
            Map.entry("listdir_attr", Verb.READ), Map.entry("stat", Verb.READ), Map.entry("ls", Verb.READ),
            Map.entry("checksum", Verb.READ), Map.entry("inventory", Verb.READ), Map.entry("ping", Verb.READ),
            Map.entry("traceroute", Verb.READ),
            // changes: candidate configurations loaded and committed, configuration sent, files put on the device
            Map.entry("edit_config", Verb.UPDATE), Map.entry("copy_config", Verb.UPDATE), Map.entry("commit", Verb.UPDATE),
            Map.entry("commit_config", Verb.UPDATE), Map.entry("discard_changes", Verb.UPDATE), Map.entry("discard_config", Verb.UPDATE),
            Map.entry("lock", Verb.UPDATE), Map.entry("unlock", Verb.UPDATE), Map.entry("cancel_commit", Verb.UPDATE),
            Map.entry("load", Verb.UPDATE), Map.entry("load_merge_candidate", Verb.UPDATE), Map.entry("rollback", Verb.UPDATE),
            Map.entry("load_replace_candidate", Verb.REPLACE), Map.entry("send_config_set", Verb.UPDATE),
            Map.entry("send_config_from_file", Verb.UPDATE), Map.entry("send_config", Verb.UPDATE),
            Map.entry("send_configs", Verb.UPDATE), Map.entry("send_configs_from_file", Verb.UPDATE),
            Map.entry("config_mode", Verb.UPDATE), Map.entry("save_config", Verb.UPDATE), Map.entry("config", Verb.UPDATE),
            Map.entry("install", Verb.UPDATE), Map.entry("safe_copy", Verb.UPDATE), Map.entry("put", Verb.UPDATE),
            Map.entry("putfo", Verb.UPDATE), Map.entry("rename", Verb.UPDATE), Map.entry("mkdir", Verb.UPDATE),
            Map.entry("chmod", Verb.UPDATE), Map.entry("chown", Verb.UPDATE), Map.entry("symlink", Verb.UPDATE),
            Map.entry("cp", Verb.UPDATE), Map.entry("mv", Verb.UPDATE),
            // the device, its configuration or its files gone
            Map.entry("delete_config", Verb.DELETE), Map.entry("reboot", Verb.DELETE), Map.entry("reboot_machine", Verb.DELETE),
            Map.entry("poweroff", Verb.DELETE), Map.entry("poweroff_machine", Verb.DELETE), Map.entry("halt", Verb.DELETE),
            Map.entry("shutdown", Verb.DELETE), Map.entry("zeroize", Verb.DELETE), Map.entry("rm", Verb.DELETE),
            Map.entry("rmdir", Verb.DELETE), Map.entry("remove", Verb.DELETE), Map.entry("unlink", Verb.DELETE),
            Map.entry("kill_session", Verb.DELETE), Map.entry("storage_cleanup", Verb.DELETE));
    /** Calls that send CLI text to the device (or a shell command to the machine): the text says what they do. */
    private static final Set<String> SENDS_TEXT = Set.of("cli", "send_command", "send_command_timing", "send_command_expect",
            "send_multiline", "send_multiline_timing", "run_commands", "send_commands", "exec_command", "run");
    /** Calls whose effect no table can say: arbitrary RPCs and interactive sessions. */
    private static final Set<String> OPAQUE = Set.of("dispatch", "invoke_shell", "send_interactive", "write_channel", "rpc");
    /** Connections and sessions: no request to the device yet. */
    private static final Set<String> PLUMBING = Set.of("open", "close", "connect", "disconnect", "close_session",
            "ConnectHandler", "Device", "Config", "SW", "FS", "StartShell", "get_network_driver", "SSHClient",
            "set_missing_host_key_policy", "load_system_host_keys", "load_host_keys", "open_sftp", "get_transport",
            "AutoAddPolicy", "WarningPolicy", "RejectPolicy", "exit_config_mode", "check_config_mode", "enable", "Scrapli",
            "connect_to", "Node", "manager", "bind");
    private static final Pattern CALL = Pattern.compile("\\.\\s*(?:rpc\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern RPC = Pattern.compile("\\.\\s*rpc\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /** Where the code connects: a host keyword, a constructor's first literal, or NAPALM's driver called with the host. */
    private static final Pattern HOST = Pattern.compile("\\b(?:host|hostname|ip|host_ip|address|server)\\s*=\\s*" + LIT
            + "|\\b(?:Device|connect|ConnectHandler|Scrapli|[A-Z]\\w*Driver|Node|connect_to|SSHClient\\(\\)\\s*\\.\\s*connect)\\s*\\(\\s*" + LIT
            + "|(?:\\)|(?<![\\w.])driver)\\s*\\(\\s*" + LIT);
    /** Platform names that come first in some constructors ({@code get_network_driver('eos')}, {@code device_type='cisco_ios'}). */
    private static final Pattern PLATFORM = Pattern.compile("ios|eos|junos|nxos|nxos_ssh|iosxr|iosxr_netconf|vyos|ros|\\w+_\\w+");

    private NetworkDeviceCalls() {
    }

    /** Nornir's tasks from its plugins (nornir_napalm, nornir_netmiko, nornir_scrapli, nornir_netconf) → what each does to every device it runs on. */
    private static final Map<String, Verb> NORNIR_TASKS = Map.ofEntries(
            Map.entry("napalm_get", Verb.READ), Map.entry("napalm_ping", Verb.READ), Map.entry("napalm_validate", Verb.READ),
            Map.entry("netconf_get", Verb.READ), Map.entry("netconf_get_config", Verb.READ), Map.entry("netconf_capabilities", Verb.READ),
            Map.entry("netconf_validate", Verb.READ), Map.entry("tcp_ping", Verb.READ), Map.entry("echo_data", Verb.READ),
            Map.entry("napalm_configure", Verb.UPDATE), Map.entry("netmiko_send_config", Verb.UPDATE),
            Map.entry("netmiko_save_config", Verb.UPDATE), Map.entry("netmiko_commit", Verb.UPDATE),
            Map.entry("netmiko_file_transfer", Verb.UPDATE), Map.entry("scrapli_send_config", Verb.UPDATE),
            Map.entry("scrapli_send_configs", Verb.UPDATE), Map.entry("scrapli_send_configs_from_file", Verb.UPDATE),
            Map.entry("netconf_edit_config", Verb.UPDATE), Map.entry("netconf_commit", Verb.UPDATE),
            Map.entry("netconf_lock", Verb.UPDATE), Map.entry("netconf_unlock", Verb.UPDATE));
    /** Tasks that send CLI text: the text decides ({@code netmiko_send_command, command_string='show ip int brief'}). */
    private static final Set<String> NORNIR_SENDS = Set.of("netmiko_send_command", "scrapli_send_command",
            "scrapli_send_commands", "napalm_cli", "netmiko_send_commands");
    private static final Pattern NORNIR_RUN = Pattern.compile("\\.\\s*run\\s*\\(");

    /**
     * Nornir's {@code nr.run(task=napalm_configure, …)}: the task runs on every device of the inventory
     * {@code InitNornir(config_file=…)} names, which places them ({@code nornir-prod.yaml} is prod); a task Nornir's plugins
     * do not ship is the user's own code and stays unread.
     */
    private static void nornir(String code, List<Generic> generic, Set<String> accounted) {
        Matcher init = Regex.pattern("\\bInitNornir\\s*\\([^)]*?\\bconfig_file\\s*=\\s*" + LIT).matcher(code);
        String inventory = init.find() ? lit(init, 1) : "";
        Map<String, String> locators = inventory.isEmpty() ? Map.of() : Map.of("environment", inventory);
        Matcher run = NORNIR_RUN.matcher(code);
        while (run.find()) {
            String args = ClientCallSyntax.callArguments(code, run.end());
            Matcher t = Regex.pattern("^\\s*(\\w+)\\s*(?:,|$)|\\btask\\s*=\\s*(\\w+)").matcher(args);
            if (!t.find()) {
                continue;
            }
            String task = t.group(1) != null ? t.group(1) : t.group(2);
            Verb verb;
            if (NORNIR_SENDS.contains(task)) {
                Matcher sent = Regex.pattern("\\b(?:command_string|commands?)\\s*=\\s*(\\[[^\\]]*\\]|" + LIT + ")").matcher(args);
                verb = !sent.find() ? Verb.UNKNOWN : DeviceCommands.quotedRead(sent.group(1)) ? Verb.READ : Verb.UPDATE;
            } else if (task.equals("napalm_configure")) {
                verb = Regex.find(args, "\\bdry_run\\s*=\\s*True") ? Verb.READ
                        : Regex.find(args, "\\breplace\\s*=\\s*True") ? Verb.REPLACE : Verb.UPDATE;
            } else if (NORNIR_TASKS.containsKey(task)) {
                verb = NORNIR_TASKS.get(task);
            } else {
                continue;
            }
            accounted.addAll(Set.of("run", task, "InitNornir", "filter", "print_result", "F"));
            String devices = inventory.isEmpty() ? "the Nornir inventory's devices" : "the devices of " + inventory;
            generic.add(new Generic("network", verb, "device", devices, true, "nr.run(task=" + task + ")", locators, ""));
        }
    }

    static void find(String code, List<String> lines, List<Generic> generic, Set<String> accounted) {
        if (code.contains("nornir")) {
            nornir(code, generic, accounted);
        }
        String host = host(code);
        Map<String, String> locators = host.isEmpty() ? Map.of() : Map.of("host", host);
        String local = !host.isEmpty() && CloudSdkCalls.local(host) ? "a device on this machine" : "";
        if (Regex.find(code, "\\bget_network_driver\\b") && driverCallsOnly(code)) {
            accounted.add("__call__"); // NAPALM's get_network_driver('eos')(host, …): the driver class, instantiated
        }
        Set<String> rpcs = new java.util.HashSet<>();
        Matcher r = RPC.matcher(code);
        while (r.find()) {
            // PyEZ's dev.rpc.get_route_information() reads; any other RPC by name changes the device
            rpcs.add(r.group(1));
            accounted.add(r.group(1));
            Verb verb = r.group(1).startsWith("get_") ? Verb.READ : Verb.UPDATE;
            generic.add(new Generic("network", verb, "device", host, false, "rpc." + r.group(1) + "()", locators, local));
        }
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String method = m.group(1);
            boolean nornirRun = method.equals("run") && accounted.contains("InitNornir"); // read above, task by task
            if (nornirRun || rpcs.contains(method) || UnreadCalls.offSdk(code, m.start(), CodeCalls.Language.PYTHON)) {
                continue;
            }
            String args = ClientCallSyntax.callArguments(code, m.end());
            if (PLUMBING.contains(method) && !(method.equals("enable") && !args.isBlank())) {
                accounted.add(method);
            } else if (SENDS_TEXT.contains(method) || method.equals("enable")) {
                accounted.add(method);
                lines.addAll(sent(host, args));
            } else if (METHODS.containsKey(method) || method.startsWith("get_")) {
                accounted.add(method);
                generic.add(new Generic("network", METHODS.getOrDefault(method, Verb.READ), "device", host, false,
                        method + "()", locators, local));
            } else if (OPAQUE.contains(method)) {
                accounted.add(method);
                generic.add(new Generic("network", Verb.UNKNOWN, "device", host, false, method + "()", locators, local));
            }
        }
    }

    /**
     * The text a call sends, as {@code ssh HOST '…'} lines: each literal string (a list sends each), or a command built
     * at run time when none is spelled out.
     */
    private static List<String> sent(String host, String args) {
        String target = host.isEmpty() ? "unnamed-device" : quote(host);
        List<String> out = new ArrayList<>();
        Matcher l = Regex.pattern("^\\s*(?:\\w+\\s*=\\s*)?\\[?\\s*" + LIT).matcher(args);
        if (!l.find()) {
            out.add("ssh " + target + " \"$command_built_at_run_time\"");
            return out;
        }
        Matcher each = Regex.pattern(LIT).matcher(args);
        List<String> texts = new ArrayList<>();
        while (each.find()) {
            if (!Regex.find(args.substring(0, each.start()), "\\]\\s*,?\\s*$|\\b(?:expect_string|delay_factor|read_timeout|encoding|format)\\s*=\\s*$")) {
                texts.add(lit(each, 1).replace("\\n", "\n"));
            }
        }
        // configuration sent as a list runs in one session: the lines together
        out.add("ssh " + target + " " + quote(String.join("\n", texts)));
        return out;
    }

    /** Whether every call of a returned value calls what a one-literal call returned: {@code g('eos')('host', …)}. */
    private static boolean driverCallsOnly(String code) {
        Matcher c = Regex.pattern("[)\\]]\\s*\\(").matcher(code);
        while (c.find()) {
            if (!Regex.find(code.substring(0, c.start() + 1), "\\(\\s*" + LIT + "\\s*\\)$")) {
                return false;
            }
        }
        return true;
    }

    private static String host(String code) {
        Matcher h = HOST.matcher(code);
        while (h.find()) {
            for (int g = 1; g <= 5; g += 2) {
                if (h.group(g) != null || h.group(g + 1) != null) {
                    String value = lit(h, g);
                    if (!value.isEmpty() && !PLATFORM.matcher(value).matches()) {
                        return value.toLowerCase(java.util.Locale.ROOT);
                    }
                }
            }
        }
        return "";
    }
}
