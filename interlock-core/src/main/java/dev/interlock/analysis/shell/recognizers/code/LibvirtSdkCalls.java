package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libvirt's Python binding ({@code c = libvirt.open('qemu+ssh://root@kvm-prod-03/system');
 * d = c.lookupByName('db01'); d.destroy()}), written back as the {@code virsh -c URI destroy db01} line that does the
 * same on the same hypervisor, so that virsh's table decides and the connection URI places it.
 */
final class LibvirtSdkCalls {

    private static final Pattern OPEN = Pattern.compile("(?:(\\w+)\\s*=\\s*)?libvirt\\s*\\.\\s*open(?:ReadOnly|Auth)?\\s*\\(\\s*(?:" + LIT + ")?");
    private static final Pattern DOMAIN = Pattern.compile("(\\w+)\\s*=\\s*\\w+\\s*\\.\\s*lookupBy(?:Name|UUIDString|ID)\\s*\\(\\s*" + LIT);
    private static final Pattern CHAINED = Pattern.compile("lookupBy(?:Name|UUIDString|ID)\\s*\\(\\s*" + LIT + "\\s*\\)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\.\\s*(\\w+)\\s*\\(");

    /** A domain's methods → the virsh command that does the same. */
    private static final Map<String, String> DOMAIN_METHODS = Map.ofEntries(
            Map.entry("destroy", "destroy"), Map.entry("destroyFlags", "destroy"), Map.entry("undefine", "undefine"),
            Map.entry("undefineFlags", "undefine"), Map.entry("shutdown", "shutdown"), Map.entry("shutdownFlags", "shutdown"),
            Map.entry("reboot", "reboot"), Map.entry("reset", "reset"), Map.entry("suspend", "suspend"), Map.entry("resume", "resume"),
            Map.entry("create", "start"), Map.entry("createWithFlags", "start"), Map.entry("managedSave", "managedsave"),
            Map.entry("setMemory", "setmem"), Map.entry("setVcpus", "setvcpus"), Map.entry("attachDevice", "attach-device"),
            Map.entry("attachDeviceFlags", "attach-device"), Map.entry("detachDevice", "detach-device"),
            Map.entry("detachDeviceFlags", "detach-device"), Map.entry("migrate", "migrate"), Map.entry("migrateToURI", "migrate"),
            Map.entry("migrateToURI3", "migrate"), Map.entry("snapshotCreateXML", "snapshot-create"),
            Map.entry("revertToSnapshot", "snapshot-revert"), Map.entry("setAutostart", "autostart"),
            Map.entry("info", "dominfo"), Map.entry("state", "domstate"), Map.entry("isActive", "domstate"),
            Map.entry("XMLDesc", "dumpxml"), Map.entry("name", "domname"), Map.entry("UUIDString", "domuuid"),
            Map.entry("interfaceAddresses", "domifaddr"), Map.entry("listAllSnapshots", "snapshot-list"),
            Map.entry("snapshotListNames", "snapshot-list"), Map.entry("blockInfo", "domblkinfo"), Map.entry("memoryStats", "dommemstat"));
    /** The connection's own methods that act (listing and looking up only read). */
    private static final Map<String, String> CONNECTION_METHODS = Map.of("listAllDomains", "list --all", "listDomainsID", "list",
            "listDefinedDomains", "list --inactive", "getHostname", "hostname", "getInfo", "nodeinfo", "getCapabilities", "capabilities",
            "defineXML", "define", "createXML", "create");
    private static final Set<String> PLUMBING = Set.of("open", "openReadOnly", "openAuth", "close", "lookupByName", "lookupByUUIDString",
            "lookupByID", "registerErrorHandler");

    private LibvirtSdkCalls() {
    }

    static void find(String code, List<String> lines, Set<String> accounted) {
        Matcher open = OPEN.matcher(code);
        String uri = "";
        Set<String> connections = new HashSet<>();
        while (open.find()) {
            uri = lit(open, 2);
            if (open.group(1) != null) {
                connections.add(open.group(1));
            }
        }
        String virsh = "virsh" + (uri.isEmpty() ? "" : " -c " + quote(uri)) + " ";
        Map<String, String> domains = new HashMap<>();
        Matcher d = DOMAIN.matcher(code);
        while (d.find()) {
            domains.put(d.group(1), lit(d, 2));
        }
        PLUMBING.stream().filter(code::contains).forEach(accounted::add);
        Matcher chained = CHAINED.matcher(code);
        while (chained.find()) {
            String command = DOMAIN_METHODS.get(chained.group(3));
            if (command != null) {
                accounted.add(chained.group(3));
                lines.add(virsh + command + " " + quote(lit(chained, 1)));
            }
        }
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String receiver = call.group(1);
            String method = call.group(2);
            if (domains.containsKey(receiver) && DOMAIN_METHODS.containsKey(method)) {
                accounted.add(method);
                lines.add(virsh + DOMAIN_METHODS.get(method) + " " + quote(domains.get(receiver)));
            } else if (connections.contains(receiver) && CONNECTION_METHODS.containsKey(method)) {
                accounted.add(method);
                lines.add(virsh + CONNECTION_METHODS.get(method));
            }
        }
    }
}
