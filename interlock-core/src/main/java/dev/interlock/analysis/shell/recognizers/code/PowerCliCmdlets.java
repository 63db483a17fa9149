package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VMware PowerCLI: its cmdlets act on the vCenter or ESXi host {@code Connect-VIServer} connected to (or their own
 * {@code -Server}), as the Az cmdlets act in the subscription {@code Set-AzContext} chose. PowerCLI shares nouns with
 * Hyper-V ({@code Remove-VM}, {@code Set-VMHost}); code that connects to a VI server, or uses a noun only PowerCLI has,
 * is PowerCLI's, and its VMs are someone's servers, not this machine's sandbox. {@code Get-} only looks, except
 * {@code Get-VICredentialStoreItem}, which prints the passwords saved for servers; a host's API object
 * ({@code (Get-VMHost h | Get-View).ExitLockdownMode()}) is judged by the method called on it.
 */
final class PowerCliCmdlets {

    private PowerCliCmdlets() {
    }

    /** Nouns of PowerCLI's inventory, and the resource type each acts on. */
    private static final Pattern NOUNS = Pattern.compile("(?i)VM|VMHost\\w*|VMGuest\\w*|Template|VApp|Snapshot|HardDisk|NetworkAdapter"
            + "|CDDrive|FloppyDrive|Datastore\\w*|Datacenter|Folder|ResourcePool|VIPermission|VIRole|VirtualSwitch|VirtualPortGroup"
            + "|VDSwitch|VDPortgroup|AdvancedSetting|OSCustomizationSpec|ContentLibraryItem|VMScript|VICredentialStoreItem|DrsRule|HAPrimaryVMHost");
    /** Nouns only PowerCLI has: their presence says the code is PowerCLI's even without a connection in view. */
    private static final Pattern ONLY_POWERCLI = Pattern.compile("(?i)\\b\\w+-(VIServer|VICredentialStoreItem|VIPermission|VIRole|Datastore"
            + "|Snapshot|HardDisk|Template|VApp|VMGuest|VMScript|VDSwitch|VDPortgroup|OSCustomizationSpec)\\b");
    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*([A-Za-z]+)-([A-Za-z0-9]+)((?:\\s+(?!\\||;)[^|;\\n})]*)?)");
    private static final Pattern HOST = Pattern.compile("(?i)-Host\\s+['\"]?([^'\"\\s,;)]+)");
    private static final Pattern NAME = Pattern.compile("(?i)-(?:Name|VM|VMHost|Snapshot|Datastore)\\s+['\"]?([^'\"\\s,;)]+)");
    private static final Set<String> LOOKING = Set.of("get", "test", "find", "measure", "export", "search", "wait", "select",
            "compare", "show", "connect", "disconnect", "open");
    /** Permissions and roles: who may do what in vCenter. */
    private static final Pattern GRANTS = Pattern.compile("(?i)VIPermission|VIRole");

    /** Methods of the vSphere API called on an object's view, with what they do to the host or VM. */
    private static final Map<String, Verb> VIEW_METHODS = Map.ofEntries(Map.entry("exitlockdownmode", Verb.UPDATE),
            Map.entry("disablelockdownmode", Verb.UPDATE), Map.entry("changelockdownmode", Verb.UPDATE),
            Map.entry("entermaintenancemode_task", Verb.UPDATE), Map.entry("shutdownhost_task", Verb.UPDATE),
            Map.entry("reboothost_task", Verb.UPDATE), Map.entry("poweroffvm_task", Verb.UPDATE), Map.entry("resetvm_task", Verb.UPDATE),
            Map.entry("destroy_task", Verb.DELETE), Map.entry("destroy", Verb.DELETE), Map.entry("unregistervm", Verb.DELETE),
            Map.entry("removeallsnapshots_task", Verb.DELETE), Map.entry("reverttocurrentsnapshot_task", Verb.REPLACE));
    private static final Pattern VIEW_CALL = Pattern.compile("(?i)\\.\\s*(" + String.join("|", VIEW_METHODS.keySet()) + ")\\s*\\(");
    private static final Pattern VIEWED = Pattern.compile("(?i)Get-(VMHost|VM)\\s+(?:-Name\\s+)?['\"]?([^'\"\\s|;)]+)");

    /** Whether {@code code} drives vSphere through PowerCLI: a connection to a VI server, or a noun only PowerCLI has. */
    static boolean drives(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (!lower.contains("-vi") && !lower.contains("-server") && !lower.contains("snapshot") && !lower.contains("datastore")
                && !lower.contains("template") && !lower.contains("harddisk") && !lower.contains("vapp") && !lower.contains("vmguest")
                && !lower.contains("vmscript") && !lower.contains("-vd")) {
            return false; // the usual PowerShell line names none of them
        }
        return ONLY_POWERCLI.matcher(code).find() || Regex.find(code, "(?i)-VM(Host)?\\b[^|;\\n]*\\s-Server\\s");
    }

    /** Whether PowerCLI, in code that {@link #drives} vSphere, owns cmdlets of {@code noun}. */
    static boolean owns(String noun) {
        return NOUNS.matcher(noun).matches();
    }

    static List<Operation> operations(String code, Invocation inv) {
        if (!drives(code)) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String noun = m.group(2);
            String rest = m.group(3) == null ? "" : m.group(3);
            if (!owns(noun) || !PowerShellStatements.isCmdlet(m.group(1) + "-" + noun)) {
                continue;
            }
            String cmdlet = m.group(1) + "-" + noun;
            if (noun.equalsIgnoreCase("VICredentialStoreItem")) {
                if (verb.equals("get")) {
                    Matcher host = HOST.matcher(rest);
                    Operation.Builder b = Operation.builder("vsphere", Verb.CREDENTIAL).resource("stored-credential", host.find() ? host.group(1) : "")
                            .confidence(Confidence.INFERRED).evidence(inv.evidence())
                            .note("Get-VICredentialStoreItem prints the user names and passwords saved for vSphere servers");
                    host.reset();
                    if (host.find()) {
                        b.locator("host", host.group(1));
                    }
                    ops.add(b.build());
                }
                continue;
            }
            if (LOOKING.contains(verb)) {
                continue;
            }
            ops.add(change(code, m.start(1), verb, cmdlet, noun, rest, inv));
        }
        ops.addAll(viewMethods(code, inv));
        return ops;
    }

    private static Operation change(String code, int at, String verb, String cmdlet, String noun, String rest, Invocation inv) {
        String lowerCmdlet = cmdlet.toLowerCase(Locale.ROOT);
        boolean permanently = Regex.find(rest, "(?i)-DeletePermanently\\b(?!:\\s*\\$false)");
        Verb v = GRANTS.matcher(noun).matches() ? Verb.GRANT
                : lowerCmdlet.equals("invoke-vmscript") ? Verb.EXECUTE
                : lowerCmdlet.equals("set-vm") && Regex.find(rest, "(?i)-Snapshot\\b") ? Verb.REPLACE
                : Regex.matches(verb, "remove|clear|uninstall|unregister") ? Verb.DELETE
                : Regex.matches(verb, "new|add|copy|import|install|register") ? Verb.CREATE : Verb.UPDATE;
        String type = Regex.matches(noun, "(?i)VMHost\\w*") ? "host" : Regex.matches(noun, "(?i)Snapshot") ? "snapshot"
                : Regex.matches(noun, "(?i)Datastore\\w*") ? "datastore" : GRANTS.matcher(noun).matches() ? "permission" : "vm";
        String upstream = upstream(code, at);
        Matcher own = NAME.matcher(rest);
        boolean piped = upstream.contains("|");
        // a piped cmdlet's object comes from the stage before it; its own bare words are parameter values
        String name = own.find() ? own.group(1) : piped ? "" : PowerShellCmdlets.positional(rest);
        if (name.isEmpty() && piped) {
            Matcher from = Pattern.compile("(?i)Get-\\w+\\s+(?:-Name\\s+)?['\"]?([^'\"\\s|;)]+)").matcher(upstream);
            name = from.find() && !from.group(1).startsWith("-") ? from.group(1) : "";
        }
        if (name.startsWith("-") || name.startsWith("$")) {
            name = "";
        }
        String note = switch (lowerCmdlet) {
            case "remove-vm" -> permanently ? "Remove-VM -DeletePermanently deletes the VM and its disks" : "Remove-VM removes the VM from vCenter's inventory";
            case "stop-vm" -> Regex.find(rest, "(?i)-Kill\\b") ? "Stop-VM -Kill ends the VM's process at once" : "Stop-VM powers the VM off";
            case "remove-snapshot" -> "Remove-Snapshot deletes snapshots: the states they held are gone";
            case "set-vmhost" -> Regex.find(rest, "(?i)-State\\s+['\"]?Maintenance") ? "Set-VMHost -State Maintenance moves or stops every VM on the host"
                    : "Set-VMHost changes the host";
            default -> cmdlet + (v == Verb.DELETE ? " deletes" : v == Verb.GRANT ? " changes who may do what in" : " changes") + " vSphere";
        };
        Operation.Builder b = Operation.builder("vsphere", v).resource(type, name).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note(note);
        if (v == Verb.DELETE && (!lowerCmdlet.equals("remove-vm") || permanently) || v == Verb.REPLACE) {
            b.stateful(true).reversible(false);
        }
        if (piped && (name.isEmpty() || name.contains("*")) || !piped && name.contains("*")) {
            b.scope(Scope.MANY); // every VM the stage before it lists (Get-VM 'tmp-*' | Remove-VM)
        }
        PowerShellConnections.server(code, at, rest).ifPresent(s -> b.locator("host", s));
        return b.build();
    }

    /** {@code (Get-VMHost esx-prod-07 | Get-View).ExitLockdownMode()}: the API called on a host's or VM's view. */
    private static List<Operation> viewMethods(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        if (!code.contains(".")) {
            return ops;
        }
        Matcher m = VIEW_CALL.matcher(code);
        while (m.find()) {
            String method = m.group(1).toLowerCase(Locale.ROOT);
            String statement = upstream(code, m.start());
            Matcher viewed = VIEWED.matcher(statement);
            String kind = "";
            String name = "";
            while (viewed.find()) {
                kind = viewed.group(1);
                name = viewed.group(2);
            }
            Verb v = VIEW_METHODS.get(method);
            Operation.Builder b = Operation.builder("vsphere", v).resource(kind.equalsIgnoreCase("VM") ? "vm" : "host", name)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(m.group(1) + "() on " + (name.isEmpty() ? "a vSphere object" : name));
            if (method.contains("lockdown")) {
                b.locator(SecurityControls.LOCATOR, "lockdown-mode").note(m.group(1) + "() lets anyone reach " + (name.isEmpty() ? "the host" : name)
                        + " directly, around vCenter");
            }
            if (v == Verb.DELETE || v == Verb.REPLACE) {
                b.stateful(true).reversible(false);
            }
            PowerShellConnections.server(code, m.start(), "").ifPresent(s -> b.locator("host", s));
            ops.add(b.build());
        }
        return ops;
    }

    /** The statement before position {@code at}: back to its {@code ;}, line or block start. */
    private static String upstream(String code, int at) {
        int start = Math.max(Math.max(code.lastIndexOf(';', at - 1), code.lastIndexOf('\n', at - 1)), code.lastIndexOf('{', at - 1)) + 1;
        return code.substring(start, at);
    }
}
