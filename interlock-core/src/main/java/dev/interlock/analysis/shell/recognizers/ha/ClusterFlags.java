package dev.interlock.analysis.shell.recognizers.ha;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import java.util.List;
import java.util.Map;

/**
 * The cluster tools that name their action by a flag ({@code crm_resource --locate}, {@code corosync-cfgtool -s}).
 * Each only looks unless one of its changing flags is given: a flag list of what changes, since what reads is
 * everything else ({@code crm_mon -1 -rf}, {@code corosync-quorumtool -s}).
 */
final class ClusterFlags {

    private ClusterFlags() {
    }

    /** One flag-driven tool: the system it belongs to, what it does with no changing flag, and its changing flags. */
    record Tool(String system, Act base, Map<String, Act> changes) {

        Tool(String system, String type, Map<String, Act> changes) {
            this(system, read(type), changes);
        }

        /** The act of the first changing flag among {@code words} ({@code --move=x} as {@code --move}), else the base. */
        Act act(List<String> words) {
            for (String w : words) {
                if (w.equals("--")) {
                    break;
                }
                Act act = changes.get(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (act != null) {
                    return act;
                }
            }
            return base;
        }
    }

    private static final Act MOVE = update("resource").note("moves, stops or resets what the cluster serves");
    private static final Act FENCE = update("cluster-node").note("fences a node: it is powered off or rebooted");

    private static Map<String, Act> each(Act act, String flags) {
        Map<String, Act> map = new java.util.HashMap<>();
        for (String f : flags.split(" ")) {
            map.put(f, act);
        }
        return map;
    }

    private static Map<String, Act> union(List<Map<String, Act>> maps) {
        Map<String, Act> all = new java.util.HashMap<>();
        maps.forEach(all::putAll);
        return Map.copyOf(all);
    }

    static final Map<String, Tool> TOOLS = Map.ofEntries(
            Map.entry("crm_mon", new Tool("pacemaker", "cluster", each(execute("cluster")
                    .note("runs an external agent on every cluster event"), "-E --external-agent"))),
            Map.entry("crm_resource", new Tool("pacemaker", "resource", union(List.of(
                    each(MOVE, "-M --move -B --ban -U --clear --restart -C --cleanup -R --refresh -p --set-parameter"
                            + " -d --delete-parameter --force-stop --force-start --force-demote --force-promote -F --fail"),
                    each(delete("resource").note("removes a resource from the cluster"), "-D --delete"))))),
            Map.entry("crm_node", new Tool("pacemaker", "cluster-node",
                    each(delete("cluster-node").note("removes a node from the cluster"), "-R --remove"))),
            Map.entry("crm_attribute", new Tool("pacemaker", "cluster", each(update("cluster"), "-v --update -D --delete"))),
            Map.entry("crm_standby", new Tool("pacemaker", "cluster-node", each(update("cluster-node"), "-v --update -D --delete"))),
            Map.entry("crm_failcount", new Tool("pacemaker", "resource", each(MOVE, "-D --delete"))),
            Map.entry("crm_ticket", new Tool("pacemaker", "cluster", each(update("cluster"),
                    "-g --grant -r --revoke -s --standby -a --activate -S --set-attr -D --delete-attr -C --cleanup"))),
            Map.entry("cibadmin", new Tool("pacemaker", "cluster", union(List.of(
                    each(update("cluster"), "-R --replace -C --create -D --delete -M --modify -P --patch -B --bump -u --upgrade"),
                    each(delete("cluster").all().note("erases the cluster's whole configuration"), "-E --erase"))))),
            Map.entry("stonith_admin", new Tool("pacemaker", "stonith", union(List.of(
                    each(FENCE, "-F --fence -B --reboot -U --unfence --confirm"),
                    each(update("stonith"), "-R --register -D --deregister -r --register-level -d --deregister-level"))))),
            Map.entry("crm_verify", new Tool("pacemaker", "cluster", Map.of())),
            Map.entry("crm_simulate", new Tool("pacemaker", "cluster", Map.of())),
            Map.entry("crm_report", new Tool("pacemaker", "cluster", Map.of())),
            Map.entry("crm_shadow", new Tool("pacemaker", "cluster", each(update("cluster"), "-c --commit"))),
            Map.entry("corosync-cfgtool", new Tool("corosync", "cluster", union(List.of(
                    each(update("cluster"), "-R -r"),
                    each(update("cluster-node").note("stops corosync on a node: it leaves the cluster"), "-k -H"))))),
            Map.entry("corosync-quorumtool", new Tool("corosync", "cluster",
                    each(update("cluster").note("changes the votes that decide quorum"), "-e -v -c -f"))),
            Map.entry("corosync-cmapctl", new Tool("corosync", "cluster", each(update("cluster"), "-s -d -D -p"))),
            Map.entry("corosync-keygen", new Tool("corosync", update("authkey")
                    .note("writes a new cluster authkey: nodes holding the old one can no longer join"), Map.of())));
}
