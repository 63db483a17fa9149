package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The research clusters' parallel filesystems: Lustre's {@code lfs} and IBM Storage Scale's (GPFS) {@code mm…}
 * commands. Free space, quotas, layouts and listings read; changing a file's layout or quota, releasing or removing
 * archived copies, and the administrators' {@code mmcr…}/{@code mmch…}/{@code mmdel…} change the filesystem. A
 * change on a path is judged where that path is, as {@code rm} of it would be: the user's own scratch is theirs, a
 * shared project directory is not.
 */
final class ParallelFilesystems {

    private ParallelFilesystems() {
    }

    private static final CommandTable LFS = CommandTable.builder()
            .add("", "df quota find getstripe getdirstripe check path2fid fid2path osts mdts help data_version hsm_state "
                    + "hsm_action getsom pool_list heat_get ls --version --help changelog", read("filesystem"))
            .add("", "setstripe setdirstripe migrate mv swap_layouts hsm_archive hsm_restore hsm_set hsm_clear hsm_cancel "
                    + "ladvise project pcc", update("file"))
            .add("", "mkdir", create("directory"))
            .add("", "setquota", update("quota").note("changes a user's, group's or project's quota on the filesystem"))
            .add("", "hsm_release", update("file").losesData().note("drops the files' data from the filesystem, leaving the archive's copy"))
            .add("", "rmfid rm_entry hsm_remove changelog_clear", delete("file").note("removes files or records for good"))
            .build();

    /** Storage Scale's programs, judged by their prefix. */
    static final Set<String> GPFS = Set.of("mmlsfs", "mmlscluster", "mmlsconfig", "mmlsnode", "mmlsdisk", "mmlsnsd",
            "mmlsfileset", "mmlssnapshot", "mmlsquota", "mmlsmount", "mmlspolicy", "mmlsattr", "mmlscallback", "mmdf",
            "mmgetstate", "mmhealth", "mmdiag", "mmrepquota", "mmgetacl", "mmdelfs", "mmdelfileset", "mmdelsnapshot",
            "mmdelnode", "mmdeldisk", "mmdelnsd", "mmdelacl", "mmcrfs", "mmcrfileset", "mmcrsnapshot", "mmcrnsd",
            "mmcrcluster", "mmaddnode", "mmadddisk", "mmchfs", "mmchconfig", "mmchfileset", "mmchattr", "mmchdisk",
            "mmchnode", "mmchmgr", "mmlinkfileset", "mmunlinkfileset", "mmmount", "mmumount", "mmshutdown", "mmstartup",
            "mmapplypolicy", "mmrestripefs", "mmsetquota", "mmedquota", "mmdefedquota", "mmcheckquota", "mmfsck",
            "mmputacl", "mmbackup", "mmrestorefs");
    static final Set<String> PROGRAMS = programs();

    private static final Set<String> LFS_VALUED = Set.of("-u", "-g", "-p", "-c", "-S", "-i", "-o", "-m", "-b", "-B", "-t",
            "-T", "--type", "-name", "--name", "-size", "--size", "-mtime", "--mtime", "-maxdepth", "--maxdepth", "-uid",
            "-gid", "-user", "-group", "-pool", "--pool", "-E", "-N", "--mirror-count", "-L", "--layout");

    private static Set<String> programs() {
        java.util.HashSet<String> all = new java.util.HashSet<>(GPFS);
        all.add("lfs");
        return Set.copyOf(all);
    }

    static Operation recognize(Invocation inv) {
        if (!inv.program().equals("lfs")) {
            return gpfs(inv).operation(inv, "gpfs", inv.args().isEmpty() ? "" : inv.args().getFirst().value()).build();
        }
        ParsedArgs p = inv.parse(LFS_VALUED);
        List<String> words = p.words();
        CommandTable.Found found = LFS.findOrGuess(words, 1, "file");
        CommandTable.Act act = found.act();
        Optional<String> path = words.stream().skip(found.words()).filter(w -> w.startsWith("/") || w.startsWith(".")
                || w.startsWith("~")).reduce((a, b) -> b);
        if (act.verb() != Verb.READ && path.isPresent() && OwnJobs.OWN.contains(inv.workspace().area(path.get()))) {
            Operation.Builder b = LocalFiles.on(inv, act.verb(), act.type(), path.get()).stateful(act.stateful())
                    .reversible(!act.stateful() && !act.verb().destructive());
            return (act.note().isEmpty() ? b : b.note("lfs " + found.command() + " " + act.note())).build();
        }
        if (act.verb() != Verb.READ && path.isPresent()) {
            // a project's or another user's directory on a shared filesystem: not this machine, and not the user's
            return act.operation(inv, "lustre", path.get()).locator("path", inv.workspace().resolve(path.get())).build();
        }
        return act.operation(inv, "lustre", path.orElse(words.stream().skip(found.words()).reduce((a, b) -> b).orElse(""))).build();
    }

    private static CommandTable.Act gpfs(Invocation inv) {
        String program = inv.program();
        if (program.startsWith("mmls") || program.startsWith("mmget") || Set.of("mmdf", "mmhealth", "mmdiag", "mmrepquota").contains(program)) {
            return read("filesystem");
        }
        if (program.startsWith("mmdel")) {
            return delete(program.substring(5)).note("deletes the Storage Scale " + program.substring(5));
        }
        if (program.startsWith("mmcr") || program.startsWith("mmadd")) {
            return create(program.replaceFirst("^mm(cr|add)", ""));
        }
        if (program.equals("mmrestorefs")) {
            return replace("filesystem").note("puts the filesystem back to a snapshot: later changes are lost");
        }
        if (program.equals("mmapplypolicy")) {
            return update("filesystem").many().note("applies policy rules to every file they match (they may delete or migrate them)");
        }
        return update(program.startsWith("mmch") ? program.substring(4) : "filesystem");
    }
}
