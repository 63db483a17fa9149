package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Net-SNMP's tools, which talk to the agent of the device they name ({@code snmpwalk -v2c -c public core-sw1 IF-MIB::…}):
 * walks, gets, tables and status only look at it; {@code snmpset} writes its objects (an interface shut, a config saved).
 */
public final class SnmpTools implements Recognizer {

    private static final Set<String> READS = Set.of("snmpwalk", "snmpbulkwalk", "snmpget", "snmpgetnext", "snmpbulkget",
            "snmptable", "snmpdf", "snmpstatus", "snmpnetstat", "snmpdelta");
    /** Options common to every Net-SNMP application that take a value (security, transport, MIBs, output). */
    private static final Set<String> VALUED = Set.of("-v", "-c", "-u", "-l", "-a", "-A", "-x", "-X", "-n", "-E", "-e",
            "-Z", "-r", "-t", "-m", "-M", "-O", "-I", "-P", "-L", "-C", "-Y", "-T");

    @Override
    public Set<String> programs() {
        return java.util.stream.Stream.concat(READS.stream(), java.util.stream.Stream.of("snmpset")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String agent = p.words().isEmpty() ? "" : p.words().getFirst();
        // udp:core-sw1:161, tcp6:[::1]:161: the transport and the port are not the device's name
        String host = Regex.replaceFirst(Regex.replaceFirst(agent.toLowerCase(Locale.ROOT), "^(udp6?|tcp6?|udpv6|tcpv6|dtlsudp|tlstcp):", ""),
                ":\\d+$", "");
        boolean reads = READS.contains(inv.program()) || p.has("-h", "--help", "-V", "--version");
        Operation.Builder b = Operation.builder("network", reads ? Verb.READ : Verb.UPDATE)
                .resource("device", host.isEmpty() ? "an SNMP agent" : host).evidence(inv.evidence())
                .confidence(Confidence.INFERRED)
                .note(reads ? inv.program() + " only reads " + host + "'s SNMP objects" : "snmpset writes " + host + "'s SNMP objects");
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
