package dev.interlock.analysis.shell.recognizers.pipelines;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Hadoop's {@code hdfs}, {@code hadoop} and {@code mapred}: the file system shell ({@code dfs}/{@code fs}: {@code -ls},
 * {@code -cat} read; {@code -rm}, {@code -put}, {@code -chmod} change the cluster's files), the admin tools
 * ({@code dfsadmin -report} reads, {@code -safemode enter} stops writes), and MapReduce jobs ({@code job -list} reads,
 * {@code job -kill} changes).
 */
final class Hadoop {

    private Hadoop() {
    }

    static final Set<String> PROGRAMS = Set.of("hdfs", "hadoop", "mapred");

    private static final String FS_READS = "ls lsr cat text tail head du dus df count stat test find checksum getfacl "
            + "getfattr get copytolocal getmerge usage help";

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("fs", FS_READS, read("file"))
            .add("fs", "rm rmr rmdir", delete("file").note("deletes files from the cluster's file system"))
            .add("fs", "expunge", delete("file").many().note("empties the trash: deleted files can no longer be restored"))
            .add("fs", "truncate movetolocal", delete("file"))
            .add("fs", "put copyfromlocal movefromlocal mv cp mkdir touchz touch appendtofile chmod chown chgrp setrep "
                    + "setfacl setfattr renamesnapshot", update("file"))
            .add("fs", "createsnapshot", create("snapshot"))
            .add("fs", "deletesnapshot", delete("snapshot"))
            .add("dfsadmin", "report printtopology listopenfiles getdatanodeinfo getbalancerbandwidth fetchimage "
                    + "getservicestate metasave help", read("cluster"))
            .add("dfsadmin", "safemode", update("cluster").note("safe mode stops every write to the file system"))
            .add("dfsadmin", "refreshnodes refreshnamenodes setbalancerbandwidth savenamespace rolledits restorefailedstorage "
                    + "finalizeupgrade rollingupgrade setquota clrquota setspacequota clrspacequota allowsnapshot "
                    + "disallowsnapshot shutdowndatanode evictwriters triggerblockreport reconfig", update("cluster"))
            .add("dfsadmin", "refreshserviceacl refreshusertogroupsmappings refreshsuperusergroupsconfiguration",
                    grant("cluster").note("reloads who may use or administer the cluster"))
            .add("haadmin", "getservicestate getallservicestate checkhealth", read("namenode"))
            .add("haadmin", "failover transitiontoactive transitiontostandby transitiontoobserver", update("namenode"))
            .add("namenode", "format", delete("file-system").all().note("formats the namenode: every file is lost"))
            .add("zkfc", "formatzk", delete("failover-state"))
            .add("storagepolicies", "listpolicies getstoragepolicy", read("storage-policy"))
            .add("storagepolicies", "setstoragepolicy unsetstoragepolicy satisfystoragepolicy", update("storage-policy"))
            .add("ec", "listpolicies getpolicy listcodecs verifyclustersetup", read("erasure-coding"))
            .add("ec", "setpolicy unsetpolicy addpolicies removepolicy enablepolicy disablepolicy", update("erasure-coding"))
            .add("crypto", "listzones getfileencryptioninfo", read("encryption-zone"))
            .add("crypto", "createzone provisiontrash reencryptzone", update("encryption-zone"))
            .add("cacheadmin", "listpools listdirectives", read("cache"))
            .add("cacheadmin", "addpool modifypool removepool adddirective modifydirective removedirective removedirectives",
                    update("cache"))
            .add("job", "list status counter events history list-active-trackers list-blacklisted-trackers list-attempt-ids logs",
                    read("job"))
            .add("job", "kill kill-task fail-task set-priority", update("job").note("kills or reprioritises a running job"))
            .add("job", "submit", execute("job"))
            .add("queue", "list info showacls", read("queue"))
            .add("key", "list", read("key"))
            .add("key", "create roll", update("key"))
            .add("key", "delete", delete("key").note("deletes the key: data encrypted with it cannot be read"))
            .add("credential", "list check", read("credential"))
            .add("credential", "create", update("credential"))
            .add("credential", "delete", delete("credential"))
            .add("", "fsck getconf groups lssnapshottabledir lssnapshot snapshotdiff version classpath envvars checknative "
                    + "conftest oiv oev queue job dfsadmin haadmin storagepolicies ec crypto cacheadmin key credential fs",
                    read("cluster"))
            .add("", "jar pipes", execute("job").note("submits the jar's job to the cluster"))
            .add("", "distcp archive", update("file").note("copies files into the cluster's file system"))
            .add("", "balancer mover diskbalancer", update("cluster").note("moves blocks between the cluster's datanodes"))
            .add("", "namenode datanode journalnode secondarynamenode zkfc portmap nfs3 dfsrouter historyserver httpfs kms",
                    execute("service").note("starts a Hadoop daemon on this machine"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        List<String> words = HadoopLaunchers.afterLauncher(inv.words());
        if (words.isEmpty()) {
            return List.of();
        }
        String sub = Set.of("dfs", "fs").contains(words.getFirst()) ? "fs" : words.getFirst();
        HadoopLaunchers.Action action = HadoopLaunchers.action(COMMANDS, sub, words, read("cluster"));
        CommandTable.Act act = action.act();
        if (sub.equals("fs") && act.verb() == dev.interlock.model.Verb.DELETE
                && words.stream().anyMatch(w -> w.equals("-r") || w.equals("-R") || w.equals("-rmr"))) {
            act = action.name().matches("(hdfs://[^/]*)?/*") ? act.all() : act.many();
        }
        if (sub.equals("dfsadmin") && Set.of("get", "wait").contains(action.name()) && words.contains("-safemode")) {
            act = read("cluster"); // -safemode get|wait only asks
        }
        String name = Set.of("jar", "distcp").contains(sub) && words.size() > 1 ? words.get(1) : action.name();
        Operation.Builder b = HadoopLaunchers.located(inv, act.operation(inv, "hadoop", name));
        if (sub.equals("fs") && words.stream().anyMatch(DOWNLOADS::contains) && copiesData(name, b.build())) {
            b.locator(DatabaseOps.COPIES_DATA, "files").note("copies the cluster's data files to this machine");
        }
        return List.of(b.build());
    }

    /** The file system shell's copies from the cluster to this machine. */
    private static final Set<String> DOWNLOADS = Set.of("-get", "-copyToLocal", "-getmerge", "-copytolocal");

    /**
     * {@code hdfs dfs -get /data/prod/customers .}: a data file, or a directory named for data, of a cluster or path
     * named for a deployment tier is that tier's data, now here (as {@code aws s3 cp} of data objects is).
     */
    private static boolean copiesData(String source, Operation op) {
        String path = source.replaceFirst("^[a-z]+://[^/]*", "").replaceFirst("^/+", "");
        boolean tiered = DeploymentWords.tierWordIn(path).isPresent() || DeploymentWords.named(op.resource().locator("environment"))
                || DeploymentWords.tierWordIn(op.resource().locator("host")).isPresent();
        return tiered && ObjectDownloads.holdsRecords(path);
    }
}
