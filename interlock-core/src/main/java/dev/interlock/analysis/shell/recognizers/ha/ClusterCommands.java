package dev.interlock.analysis.shell.recognizers.ha;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;

/**
 * The cluster tools that name a command by words ({@code pcs resource move}, {@code crm configure show},
 * {@code drbdadm cstate r0}). Status and configuration listings only look; moving, banning or stopping resources,
 * standby and DRBD role changes change the node and what it serves; destroying the cluster's configuration or a
 * DRBD device's metadata loses the cluster or its replicated data.
 */
final class ClusterCommands {

    private ClusterCommands() {
    }

    /** Takes every node's services down, or the cluster itself: a whole-cluster teardown. */
    static final Act TEARDOWN = delete("cluster").all().note("destroys the cluster's configuration: every node leaves the cluster");
    static final Act OUTAGE = update("cluster").all().note("stops the cluster on every node: everything it runs goes down");
    private static final Act MOVE = update("resource").note("moves or stops what the cluster serves");

    private static final String SHOWS = "config show list status describe";

    static final CommandTable PCS = CommandTable.builder()
            .add("", "status", read("cluster"))
            .add("status", "status resources nodes cluster corosync pcsd xml quorum wait groups", read("cluster"))
            .add("", "config", read("cluster"))
            .add("config", "show checkpoint export", read("cluster"))
            .add("config checkpoint", "diff view", read("cluster"))
            .add("config", "backup", credential("cluster").note("the backup tarball holds the cluster's authkeys"))
            .add("config", "restore import-cman", replace("cluster").note("replaces the cluster's whole configuration"))
            .add("config checkpoint", "restore", replace("cluster").note("returns the cluster's configuration to a checkpoint"))
            .add("cluster", "status config corosync verify cib pcsd-status report uidgen", read("cluster"))
            .add("cluster", "setup", create("cluster"))
            .add("cluster", "start enable disable reload sync edit cib-push cib-upgrade standby unstandby", update("cluster"))
            .add("cluster", "stop kill", update("cluster").note("stops the cluster on this node: its resources move or stop"))
            .add("cluster", "destroy", TEARDOWN)
            .add("cluster node", "add add-remote add-guest", update("cluster"))
            .add("cluster node", "remove delete remove-remote remove-guest", delete("cluster-node").note("removes a node from the cluster"))
            .add("cluster", "auth", update("cluster"))
            .add("host", "auth deauth", update("cluster"))
            .add("resource", SHOWS + " relations failcount op defaults utilization", read("resource"))
            .add("resource failcount", "show", read("resource"))
            .add("resource op defaults", "config", read("resource"))
            .add("resource", "move move-with-constraint ban clear disable enable restart cleanup refresh manage unmanage"
                    + " update meta create group clone promotable bundle debug-start debug-stop debug-promote debug-demote"
                    + " debug-monitor", MOVE)
            .add("resource failcount", "reset", MOVE)
            .add("resource op", "add delete remove", MOVE)
            .add("resource", "delete remove", delete("resource").note("removes a resource from the cluster"))
            .add("constraint", "config show list ref", read("constraint"))
            .add("constraint location", "config show", read("constraint"))
            .add("constraint order", "config show", read("constraint"))
            .add("constraint colocation", "config show", read("constraint"))
            .add("constraint ticket", "config show", read("constraint"))
            .add("constraint", "location order colocation ticket", update("constraint"))
            .add("constraint", "delete remove", update("constraint"))
            .add("stonith", SHOWS + " history", read("stonith"))
            .add("stonith history", "show", read("stonith"))
            .add("stonith level", "config", read("stonith"))
            .add("stonith", "fence confirm", update("cluster-node").note("fences a node: it is powered off or rebooted"))
            .add("stonith", "create update enable disable cleanup refresh level", update("stonith"))
            .add("stonith", "delete remove", delete("stonith"))
            .add("property", SHOWS + " defaults", read("cluster"))
            .add("property", "set unset", update("cluster"))
            .add("quorum", "status config", read("cluster"))
            .add("quorum device", "status config", read("cluster"))
            .add("quorum", "update unblock expected-votes", update("cluster"))
            .add("node", "attribute utilization", read("cluster-node"))
            .add("node", "standby unstandby maintenance unmaintenance", update("cluster-node"))
            .add("alert", "config show", read("alert"))
            .add("acl", "config show", read("acl"))
            .add("acl", "role user group permission enable disable", grant("acl"))
            .add("pcsd", "status", read("cluster"))
            .add("booth", "status config", read("cluster"))
            .add("tag", "config list", read("tag"))
            .add("", "help --version --help", read("cluster"))
            .build();

    /** crmsh: levels ({@code configure}, {@code resource}, {@code node}, {@code cluster}) then the command. */
    static final CommandTable CRM = CommandTable.builder()
            .add("", "status help", read("cluster"))
            .add("configure", "show verify ptest simulate graph schema", read("cluster"))
            .add("configure", "erase", delete("cluster").all().note("erases the cluster's whole configuration"))
            .add("configure", "load", replace("cluster").note("replaces or merges the cluster's configuration"))
            .add("configure", "edit delete primitive group clone ms location colocation order property rsc_defaults"
                    + " op_defaults commit rename modgroup fencing_topology tag", update("cluster"))
            .add("resource", "status show list locate scores constraints operations trace untrace", read("resource"))
            .add("resource", "start stop restart move migrate ban unmove unmigrate clear cleanup refresh manage unmanage"
                    + " maintenance param meta utilization promote demote failcount secret", MOVE)
            .add("node", "status show list server", read("cluster-node"))
            .add("node", "standby online ready maintenance clearstate fence attribute utilization", update("cluster-node"))
            .add("node", "delete", delete("cluster-node").note("removes a node from the cluster"))
            .add("cluster", "status health wait_for_startup", read("cluster"))
            .add("cluster", "start restart enable disable init join geo_init geo_join rename crash_test", update("cluster"))
            .add("cluster", "stop", update("cluster").note("stops the cluster on this node: its resources move or stop"))
            .add("cluster", "remove", delete("cluster-node").note("removes a node from the cluster"))
            .add("cluster", "run", execute("cluster").all().note("runs a command on every node"))
            .add("corosync", "status show log get diff", read("cluster"))
            .add("corosync", "edit push pull reload set add-node del-node", update("cluster"))
            .add("ra", "list info classes providers meta", read("cluster"))
            .add("", "history report", read("cluster"))
            .add("script", "list show verify json", read("cluster"))
            .add("script", "run", execute("cluster"))
            .add("cib", "list", read("cluster"))
            .add("", "maintenance", update("cluster"))
            .build();

    /** drbdadm and drbdsetup: a command then the resource ({@code r0}, {@code all}). */
    static final CommandTable DRBD = CommandTable.builder()
            .add("", "status cstate dstate role dump show events events2 show-gi get-gi sh-resources sh-resource"
                    + " sh-dev sh-minor sh-md-dev sh-md-idx sh-ll-dev sh-lr-of sh-udev dump-md check-resize help"
                    + " --version --help", read("drbd-resource"))
            .add("", "primary secondary up down attach detach connect disconnect adjust adjust-with-progress resize"
                    + " suspend-io resume-io pause-sync resume-sync outdate verify new-current-uuid net-options"
                    + " disk-options peer-device-options resource-options new-resource new-minor new-peer new-path"
                    + " del-peer del-path del-resource del-minor invalidate-remote forget-peer apply-al",
                    update("drbd-resource").note("changes the DRBD device's role or connection on this node"))
            .add("", "invalidate", replace("drbd-resource").note("discards this node's copy and resyncs it from the peer"))
            .add("", "create-md", create("drbd-metadata"))
            .add("", "wipe-md", delete("drbd-metadata").all().note("wipes the device's DRBD metadata: the replicated data is lost to DRBD"))
            .add("", "restore-md set-gi", replace("drbd-metadata"))
            .build();
}
