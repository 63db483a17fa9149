package dev.interlock.analysis.shell.recognizers.pipelines;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Hadoop YARN's {@code yarn} command, which shares its name with the JavaScript package manager: it is YARN when its
 * first word is one of YARN's own subcommands and, for the words a project script could also be called ({@code node},
 * {@code logs}, {@code top}), when a YARN option follows ({@code -list}, {@code -applicationId}). YARN names what it does
 * with an option ({@code application -kill ID}, {@code queue -status Q}), so the table is keyed by subcommand and
 * option. It acts on the cluster its configuration ({@code --config DIR}, {@code HADOOP_CONF_DIR}) points at, whose
 * environment is the machine's or the one that directory's name gives.
 */
public final class HadoopYarn {

    private HadoopYarn() {
    }

    /** Subcommands no JavaScript project runs under {@code yarn}: YARN whatever follows. */
    private static final Set<String> OWN = Set.of("application", "app", "applicationattempt", "container", "queue",
            "rmadmin", "schedulerconf", "nodeattributes", "resourcemanager", "nodemanager", "timelineserver",
            "timelinereader", "proxyserver", "sharedcachemanager", "registrydns", "router", "daemonlog", "jar",
            "classpath", "envvars", "fs2cs", "globalpolicygenerator");
    /** Subcommands a package.json script could be named: YARN only with a YARN option. */
    private static final Set<String> SHARED = Set.of("node", "logs", "top", "cluster");

    /** Subcommand and option → what it does; a subcommand alone (daemons, {@code jar}) is a top-level row. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("application", "list status appstates apptypes apptags help components instances", read("application"))
            .add("application", "kill", update("application").note("kills the running application: its work in progress is lost"))
            .add("application", "movetoqueue changequeue", update("application").note("moves the application to another queue"))
            .add("application", "updatepriority updatelifetime", update("application"))
            .add("application", "launch start flex enablefastlaunch save upgrade autofinalize", update("service"))
            .add("application", "stop", update("service").note("stops the YARN service"))
            .add("application", "destroy", delete("service").note("destroys the YARN service and its saved state"))
            .add("applicationattempt", "list status", read("application-attempt"))
            .add("applicationattempt", "fail", update("application-attempt").note("fails the attempt: the application restarts it"))
            .add("container", "list status", read("container"))
            .add("container", "signal", update("container").note("signals the container (graceful or forced shutdown)"))
            .add("node", "list status showdetails all states", read("node"))
            .add("queue", "status list", read("queue"))
            .add("logs", "applicationid appowner containerid nodeaddress am logfiles size show_application_log_info show_container_log_info list_nodes out",
                    read("logs"))
            .add("top", "queues users types rows cols delay", read("cluster"))
            .add("cluster", "lnl list-node-labels list-node-attributes lna", read("cluster"))
            .add("nodeattributes", "list attributestonodes nodestoattributes", read("node-attribute"))
            .add("nodeattributes", "add remove replace", update("node-attribute"))
            .add("rmadmin", "getgroups getservicestate checkhealth help getallservicestate", read("resourcemanager"))
            .add("rmadmin", "refreshqueues refreshnodes refreshnodesresources refreshsuperusergroupsconfiguration "
                    + "refreshclustermaxpriority updatenoderesource transitiontoactive transitiontostandby failover "
                    + "addtoclusternodelabels removefromclusternodelabels replacelabelsonnode directlyaccessnodelabelstore",
                    update("resourcemanager").note("changes the ResourceManager's live configuration or state"))
            .add("rmadmin", "refreshusertogroupsmappings refreshadminacls refreshserviceacl", grant("resourcemanager")
                    .note("reloads who may administer or submit to the cluster"))
            .add("schedulerconf", "add update global", update("scheduler").note("changes the scheduler's queue configuration"))
            .add("schedulerconf", "remove", delete("queue"))
            .add("schedulerconf", "format", delete("scheduler").all().note("wipes the scheduler's stored configuration"))
            .add("schedulerconf", "getconf", read("scheduler"))
            .add("daemonlog", "getlevel", read("daemon"))
            .add("daemonlog", "setlevel", update("daemon"))
            .add("", "jar", execute("job").note("submits the jar's job to the cluster"))
            .add("", "resourcemanager nodemanager timelineserver timelinereader proxyserver sharedcachemanager registrydns "
                    + "router globalpolicygenerator", execute("service").note("starts a YARN daemon on this machine"))
            .add("", "classpath envvars fs2cs logs top cluster queue node", read("configuration"))
            .add("", "application app applicationattempt container nodeattributes rmadmin schedulerconf daemonlog",
                    read("cluster"))
            .build();

    /** Whether this {@code yarn} is Hadoop's. */
    public static boolean claims(Invocation inv) {
        List<String> words = HadoopLaunchers.afterLauncher(inv.words());
        if (words.isEmpty()) {
            return false;
        }
        String sub = words.getFirst();
        return OWN.contains(sub) || SHARED.contains(sub)
                && words.stream().skip(1).anyMatch(w -> w.matches("--?[a-zA-Z][a-zA-Z_-]+(=.*)?"));
    }

    public static List<Operation> recognize(Invocation inv) {
        List<String> words = HadoopLaunchers.afterLauncher(inv.words());
        String sub = words.getFirst().equals("app") ? "application" : words.getFirst();
        HadoopLaunchers.Action action = HadoopLaunchers.action(COMMANDS, sub, words, read("cluster"));
        String name = sub.equals("jar") && words.size() > 1 ? words.get(1) : action.name();
        return List.of(HadoopLaunchers.located(inv, action.act().operation(inv, "yarn", name)).build());
    }
}
