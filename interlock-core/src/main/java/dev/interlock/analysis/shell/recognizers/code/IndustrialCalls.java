package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Industrial protocol libraries in Python one-liners, written back as the command-line tool that does the same so the
 * {@code industrial} recognizers decide and the host the code names places it: pymodbus
 * ({@code ModbusTcpClient('plc…').write_coil(12, False)} is {@code mbpoll -m tcp -t 0 -r 12 -1 plc… 0}; the
 * {@code read_*} calls poll), BAC0 ({@code bacnet.write('10.1.2.3 analogValue 1 presentValue 21')} is
 * {@code bacwp --mac 10.1.2.3 …}, {@code read} is {@code bacrp}, {@code whois}/{@code discover} {@code bacwi},
 * {@code reinitialize} {@code bacrd}, {@code dcc} {@code bacdcc}) and the OPC UA clients asyncua and python-opcua
 * ({@code Client('opc.tcp://…')}: {@code write_value}/{@code set_value} is {@code uawrite -u URL}, {@code call_method}
 * {@code uacall}, reads {@code uaread}). A client whose host is computed is placed nowhere (unknown).
 */
final class IndustrialCalls {

    private IndustrialCalls() {
    }

    private static final String COMPUTED = "\"$computed_at_run_time\"";

    /** pymodbus client calls → the Modbus table ({@code -t}) and whether they write. */
    private record ModbusCall(String table, boolean writes) {
    }

    private static final Map<String, ModbusCall> MODBUS = Map.ofEntries(
            Map.entry("write_coil", new ModbusCall("0", true)), Map.entry("write_coils", new ModbusCall("0", true)),
            Map.entry("write_register", new ModbusCall("4", true)), Map.entry("write_registers", new ModbusCall("4", true)),
            Map.entry("readwrite_registers", new ModbusCall("4", true)), Map.entry("mask_write_register", new ModbusCall("4", true)),
            Map.entry("write_file_record", new ModbusCall("4", true)),
            Map.entry("read_coils", new ModbusCall("0", false)), Map.entry("read_discrete_inputs", new ModbusCall("1", false)),
            Map.entry("read_input_registers", new ModbusCall("3", false)), Map.entry("read_holding_registers", new ModbusCall("4", false)),
            Map.entry("read_device_information", new ModbusCall("4", false)), Map.entry("read_exception_status", new ModbusCall("4", false)),
            Map.entry("read_fifo_queue", new ModbusCall("4", false)), Map.entry("read_file_record", new ModbusCall("4", false)),
            Map.entry("report_slave_id", new ModbusCall("4", false)), Map.entry("report_device_id", new ModbusCall("4", false)));
    private static final Pattern MODBUS_CALL = Pattern.compile("\\.\\s*(" + String.join("|", MODBUS.keySet()) + ")\\s*\\(");
    private static final String MODBUS_CLASS = "(?:Async)?Modbus(?:Tcp|Udp|Tls|Serial)Client";
    private static final Pattern MODBUS_ALIAS = Pattern.compile("\\b(" + MODBUS_CLASS + ")\\s+as\\s+(\\w+)|\\b(\\w+)\\s*=\\s*(?:[\\w.]+\\.)?(" + MODBUS_CLASS + ")\\b(?!\\s*\\()");
    private static final Pattern HOST_KW = Pattern.compile("\\b(?:host|port)\\s*=\\s*" + LIT);
    private static final Pattern FIRST = Pattern.compile("^\\s*" + LIT);
    private static final Pattern NUMBER = Pattern.compile("^\\s*(?:address\\s*=\\s*)?(\\d+)");
    private static final Pattern SECOND = Pattern.compile("^[^,]*,\\s*(?:values?\\s*=\\s*)?(True|False|-?\\d+)\\b");

    private static final Pattern BAC0_CALL = Pattern.compile("\\.\\s*(read|readMultiple|readRange|write|writeMultiple|whois|who_is|whohas|discover|reinitialize|dcc|time_sync)\\s*\\(");
    private static final Pattern BAC0_DEVICE = Pattern.compile("\\bBAC0\\.device\\s*\\(\\s*(?:address\\s*=\\s*)?" + LIT);

    private static final Map<String, String> OPCUA = Map.ofEntries(Map.entry("write_value", "uawrite"), Map.entry("set_value", "uawrite"),
            Map.entry("write_attribute", "uawrite"), Map.entry("set_attribute", "uawrite"), Map.entry("write_values", "uawrite"),
            Map.entry("set_values", "uawrite"), Map.entry("delete_nodes", "uawrite"), Map.entry("add_variable", "uawrite"),
            Map.entry("add_object", "uawrite"), Map.entry("add_folder", "uawrite"), Map.entry("call_method", "uacall"),
            Map.entry("read_value", "uaread"), Map.entry("get_value", "uaread"), Map.entry("read_attribute", "uaread"),
            Map.entry("read_data_value", "uaread"), Map.entry("get_data_value", "uaread"), Map.entry("get_children", "uals"),
            Map.entry("read_browse_name", "uaread"), Map.entry("read_display_name", "uaread"), Map.entry("read_values", "uaread"),
            Map.entry("get_values", "uaread"), Map.entry("read_raw_history", "uahistoryread"));
    private static final Pattern OPCUA_CALL = Pattern.compile("\\.\\s*(" + String.join("|", OPCUA.keySet()) + ")\\s*\\(");
    private static final Pattern OPCUA_URL = Pattern.compile("\\bClient\\s*\\(\\s*(?:url\\s*=\\s*)?" + LIT);
    private static final Pattern OPCUA_NODE = Pattern.compile("\\bget_node\\s*\\(\\s*" + LIT);
    /** Set-up and teardown of the libraries' clients (and asyncua's {@code sync} wrapper module): no request that reads or changes equipment. */
    private static final Set<String> SETUP = Set.of("connect", "close", "disconnect", "lite", "get_node", "get_objects_node",
            "get_root_node", "sync", "load_type_definitions", "load_data_type_definitions", "set_user", "set_password",
            "set_security_string", "get_namespace_index", "get_endpoints", "disconnect_all");

    static void find(String code, List<String> reaches, List<String> lines, Set<String> accounted) {
        if (reaches.contains("modbus")) {
            modbus(code, lines, accounted);
        }
        if (reaches.contains("bacnet")) {
            bac0(code, lines, accounted);
        }
        if (reaches.contains("opcua")) {
            opcua(code, lines, accounted);
        }
    }

    private static void modbus(String code, List<String> lines, Set<String> accounted) {
        StringBuilder classes = new StringBuilder(MODBUS_CLASS);
        boolean serial = Regex.find(code, "ModbusSerialClient");
        Matcher a = MODBUS_ALIAS.matcher(code);
        while (a.find()) {
            classes.append("|").append(a.group(2) != null ? a.group(2) : a.group(3));
        }
        Matcher c = Pattern.compile("\\b(?:" + classes + ")\\s*\\(").matcher(code);
        String device = "";
        if (c.find()) {
            String args = ClientCallSyntax.callArguments(code, c.end());
            Matcher kw = HOST_KW.matcher(args);
            Matcher first = FIRST.matcher(args);
            device = first.find() ? lit(first, 1) : kw.find() ? lit(kw, 1) : "";
            accounted.addAll(SETUP);
        }
        Matcher m = MODBUS_CALL.matcher(code);
        while (m.find()) {
            ModbusCall call = MODBUS.get(m.group(1));
            accounted.add(m.group(1));
            String args = ClientCallSyntax.callArguments(code, m.end());
            Matcher n = NUMBER.matcher(args);
            String line = "mbpoll -m " + (serial ? "rtu" : "tcp") + " -t " + call.table() + (n.find() ? " -r " + n.group(1) : "")
                    + " -1 " + (device.isEmpty() ? COMPUTED : quote(device));
            if (call.writes()) {
                Matcher v = SECOND.matcher(args);
                String value = v.find() ? v.group(1) : "?";
                line += " " + quote(value.equals("True") ? "1" : value.equals("False") ? "0" : value);
            }
            lines.add(line);
        }
    }

    private static void bac0(String code, List<String> lines, Set<String> accounted) {
        Matcher d = BAC0_DEVICE.matcher(code);
        String deviceAddress = d.find() ? lit(d, 1) : "";
        accounted.addAll(SETUP);
        accounted.add("device");
        Matcher m = BAC0_CALL.matcher(code);
        while (m.find()) {
            String call = m.group(1);
            accounted.add(call);
            Matcher first = FIRST.matcher(ClientCallSyntax.callArguments(code, m.end()));
            String request = first.find() ? lit(first, 1).strip() : "";
            // BAC0's request string: 'ADDRESS objectType instance property [value - priority]'
            String[] parts = request.isEmpty() ? new String[0] : request.split("\\s+");
            String address = parts.length > 1 ? parts[0] : !deviceAddress.isEmpty() ? deviceAddress : parts.length == 1 ? parts[0] : "";
            String mac = address.isEmpty() ? "" : " --mac " + quote(Regex.replaceFirst(address, "/\\d+$", ""));
            String tool = switch (call) {
                case "read", "readMultiple", "readRange" -> "bacrp";
                case "write", "writeMultiple" -> "bacwp";
                case "whois", "who_is", "discover" -> "bacwi";
                case "whohas" -> "bacwh";
                case "reinitialize" -> "bacrd";
                case "dcc" -> "bacdcc";
                default -> "bacts";
            };
            StringBuilder line = new StringBuilder(tool).append(mac);
            if (!tool.equals("bacwi") && parts.length > 1) {
                line.append(" 4194303"); // BACnet's wildcard device instance: whichever device answers at the address
            }
            for (int i = parts.length > 1 ? 1 : parts.length; i < Math.min(parts.length, 4); i++) {
                line.append(' ').append(quote(parts[i]));
            }
            lines.add(line.toString());
        }
    }

    private static void opcua(String code, List<String> lines, Set<String> accounted) {
        Matcher u = OPCUA_URL.matcher(code);
        String url = u.find() ? lit(u, 1) : "";
        accounted.addAll(SETUP);
        Matcher node = OPCUA_NODE.matcher(code);
        String nodeId = node.find() ? lit(node, 1) : "";
        Matcher m = OPCUA_CALL.matcher(code);
        while (m.find()) {
            accounted.add(m.group(1));
            lines.add(OPCUA.get(m.group(1)) + " -u " + (url.isEmpty() ? COMPUTED : quote(url))
                    + (nodeId.isEmpty() ? "" : " -n " + quote(nodeId)));
        }
    }
}
