package dev.interlock.analysis.shell.recognizers.mainframe;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.CommandWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Zowe CLI ({@code zowe GROUP ACTION OBJECT …}) against z/OS. A table by group and action: listing, viewing and
 * downloading data sets and jobs read (a download copies the data set here, which the policy weighs like a dump);
 * uploads, creates and copies change; deletes delete; {@code zos-jobs submit} runs a batch job. TSO commands
 * ({@code zos-tso issue command "LISTCAT …"}) and console commands are read from their own tables: the RACF commands
 * grant, the LIST… and DISPLAY commands look. The z/OSMF profile ({@code --zosmf-profile prod-lpar}) or
 * {@code --host} places the system.
 */
public final class Zowe implements Recognizer {

    private static final String SYSTEM = "mainframe";

    /** group → action → verb; groups and actions by their full names, aliases mapped below. */
    private static final Map<String, Map<String, Verb>> ACTIONS = Map.of(
            "zos-files", Map.ofEntries(Map.entry("list", Verb.READ), Map.entry("view", Verb.READ),
                    Map.entry("download", Verb.READ), Map.entry("search", Verb.READ), Map.entry("compare", Verb.READ),
                    Map.entry("upload", Verb.UPDATE), Map.entry("create", Verb.CREATE), Map.entry("copy", Verb.CREATE),
                    Map.entry("rename", Verb.UPDATE), Map.entry("edit", Verb.UPDATE), Map.entry("migrate", Verb.UPDATE),
                    Map.entry("recall", Verb.UPDATE), Map.entry("mount", Verb.UPDATE), Map.entry("unmount", Verb.UPDATE),
                    Map.entry("invoke", Verb.EXECUTE), Map.entry("delete", Verb.DELETE)),
            "zos-jobs", Map.ofEntries(Map.entry("list", Verb.READ), Map.entry("view", Verb.READ),
                    Map.entry("download", Verb.READ), Map.entry("search", Verb.READ), Map.entry("submit", Verb.EXECUTE),
                    Map.entry("cancel", Verb.UPDATE), Map.entry("modify", Verb.UPDATE), Map.entry("delete", Verb.DELETE)),
            "zosmf", Map.of("check", Verb.READ, "list", Verb.READ),
            "zos-tso", Map.of("ping", Verb.READ, "start", Verb.READ, "stop", Verb.READ, "send", Verb.EXECUTE),
            "zos-console", Map.of("collect", Verb.READ),
            "zos-uss", Map.of("issue", Verb.EXECUTE),
            "zos-workflows", Map.of("list", Verb.READ, "archive", Verb.UPDATE, "create", Verb.CREATE,
                    "start", Verb.EXECUTE, "delete", Verb.DELETE));

    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("files", "zos-files"),
            Map.entry("jobs", "zos-jobs"), Map.entry("tso", "zos-tso"), Map.entry("console", "zos-console"),
            Map.entry("uss", "zos-uss"), Map.entry("wf", "zos-workflows"), Map.entry("ls", "list"), Map.entry("vw", "view"),
            Map.entry("dl", "download"), Map.entry("ul", "upload"), Map.entry("cre", "create"), Map.entry("cp", "copy"),
            Map.entry("del", "delete"), Map.entry("sub", "submit"), Map.entry("can", "cancel"), Map.entry("cmp", "compare"),
            Map.entry("mod", "modify"), Map.entry("iss", "issue"));

    /** TSO commands: the RACF ones change who may do what; LIST… commands look. */
    private static final CommandWords TSO = new CommandWords(Map.ofEntries(
            Map.entry("LISTCAT", Verb.READ), Map.entry("LISTC", Verb.READ), Map.entry("LISTDS", Verb.READ),
            Map.entry("LISTD", Verb.READ), Map.entry("LISTALC", Verb.READ), Map.entry("LISTA", Verb.READ),
            Map.entry("LISTBC", Verb.READ), Map.entry("LISTUSER", Verb.READ), Map.entry("LU", Verb.READ),
            Map.entry("LISTGRP", Verb.READ), Map.entry("LG", Verb.READ), Map.entry("LISTDSD", Verb.READ),
            Map.entry("LD", Verb.READ), Map.entry("RLIST", Verb.READ), Map.entry("RL", Verb.READ), Map.entry("SEARCH", Verb.READ),
            Map.entry("SR", Verb.READ), Map.entry("STATUS", Verb.READ), Map.entry("ST", Verb.READ), Map.entry("TIME", Verb.READ),
            Map.entry("HELP", Verb.READ), Map.entry("H", Verb.READ), Map.entry("SETROPTS LIST", Verb.READ),
            Map.entry("ALTUSER", Verb.GRANT), Map.entry("ALU", Verb.GRANT), Map.entry("ADDUSER", Verb.GRANT),
            Map.entry("AU", Verb.GRANT), Map.entry("DELUSER", Verb.GRANT), Map.entry("DU", Verb.GRANT),
            Map.entry("PERMIT", Verb.GRANT), Map.entry("PE", Verb.GRANT), Map.entry("CONNECT", Verb.GRANT),
            Map.entry("CO", Verb.GRANT), Map.entry("REMOVE", Verb.GRANT), Map.entry("ADDGROUP", Verb.GRANT),
            Map.entry("ALTGROUP", Verb.GRANT), Map.entry("DELGROUP", Verb.GRANT), Map.entry("RDEFINE", Verb.GRANT),
            Map.entry("RDEF", Verb.GRANT), Map.entry("RALTER", Verb.GRANT), Map.entry("RALT", Verb.GRANT),
            Map.entry("RDELETE", Verb.GRANT), Map.entry("RDEL", Verb.GRANT), Map.entry("ADDSD", Verb.GRANT),
            Map.entry("ALTDSD", Verb.GRANT), Map.entry("DELDSD", Verb.GRANT), Map.entry("PASSWORD", Verb.GRANT),
            Map.entry("PW", Verb.GRANT), Map.entry("SETROPTS", Verb.GRANT), Map.entry("SETR", Verb.GRANT),
            Map.entry("DELETE", Verb.DELETE), Map.entry("DEL", Verb.DELETE), Map.entry("ALLOCATE", Verb.CREATE),
            Map.entry("ALLOC", Verb.CREATE), Map.entry("RENAME", Verb.UPDATE), Map.entry("REN", Verb.UPDATE),
            Map.entry("ALTER", Verb.UPDATE), Map.entry("FREE", Verb.READ), Map.entry("SUBMIT", Verb.EXECUTE),
            Map.entry("SUB", Verb.EXECUTE), Map.entry("CANCEL", Verb.UPDATE), Map.entry("SEND", Verb.READ)));

    /** MVS console commands: DISPLAY looks, everything else acts on the system. */
    private static final CommandWords CONSOLE = new CommandWords(Map.of("D", Verb.READ, "DISPLAY", Verb.READ));

    /**
     * Last qualifiers of libraries that hold code (JCL, procedures, source, copybooks, macros, REXX, load modules): a
     * member downloaded from one is code to read, not the production data a dump copies.
     */
    private static final Set<String> CODE_LIBRARIES = Set.of("JCL", "JCLLIB", "CNTL", "PROCLIB", "PROC", "PROCS", "SOURCE",
            "SRC", "SRCLIB", "COBOL", "CBL", "COB", "COPY", "COPYLIB", "CPY", "PLI", "ASM", "ASSEMBLE", "MACLIB", "MACRO",
            "MACROS", "REXX", "CLIST", "EXEC", "PARMLIB", "SKELS", "PANELS", "ISPPLIB", "ISPSLIB", "ISPMLIB", "DBRMLIB",
            "LOADLIB", "LOAD", "OBJLIB", "OBJ", "JAVA", "EASYTRIEVE", "EZT", "SYSIN", "PARM", "PARMS");
    /** USS files that are code by their extension. */
    private static final Set<String> CODE_EXTENSIONS = Set.of("jcl", "cbl", "cob", "cpy", "pli", "asm", "rexx", "rex",
            "clist", "sh", "java", "py", "c", "h", "js", "ts", "xml", "yaml", "yml", "properties", "mk", "makefile");
    /** High-level qualifiers named for a tier ({@code PRD1.}, {@code DEV1.}, {@code TEST.}): they place the data set. */
    private static final java.util.regex.Pattern TIER_QUALIFIER = java.util.regex.Pattern.compile(
            "(?i)(PRD|PROD|DEV|TEST|TST|QA|UAT|STG|STAGE)[0-9]?[0-9]?");

    @Override
    public Set<String> programs() {
        return Set.of("zowe");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-h", "--help-web", "--hw")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(Set.of("--zosmf-profile", "--zosmf-p", "--tso-profile", "--tso-p", "--ssh-profile",
                "--ssh-p", "--base-profile", "--base-p", "--host", "-H", "--port", "-P", "--user", "-u", "--password",
                "--pass", "--pw", "-f", "--file", "-d", "--directory", "--owner", "-o", "--prefix", "-p", "--volume-serial",
                "--vs", "--account", "-a", "--extension", "-e", "--encoding", "--jobid", "--max-length",
                "--response-format-filter", "--rff", "--response-format-type", "--rft", "--wait", "--console-name", "--cn",
                "--sysplex-system", "--ss", "--solicited-keyword", "--sk"));
        List<String> words = p.positionals().stream().map(Arg::value).toList();
        String group = words.isEmpty() ? "" : canonical(words.get(0));
        String action = words.size() < 2 ? "" : canonical(words.get(1));
        if (action.equals("delete") && p.has("-f")) {
            // delete's -f is --for-sure, a switch: the word after it is another flag, not a file
            p = inv.parse(Set.of("--zosmf-profile", "--zosmf-p", "--tso-profile", "--tso-p", "--ssh-profile", "--ssh-p",
                    "--base-profile", "--base-p", "--host", "-H", "--port", "-P", "--user", "-u", "--password", "--pass",
                    "--pw", "--volume-serial", "--vs", "--response-format-filter", "--rff", "--response-format-type", "--rft"));
            words = p.positionals().stream().map(Arg::value).toList();
        }
        String object = words.size() < 3 ? "" : words.get(2).toLowerCase(Locale.ROOT);
        String target = words.size() < 4 ? "" : words.get(3);
        Operation.Builder b;
        if (group.equals("zos-tso") && action.equals("issue")) {
            b = command(inv, TSO, target, "TSO");
        } else if (group.equals("zos-console") && action.equals("issue")) {
            b = command(inv, CONSOLE, target, "console command").resource("console-command", target);
        } else if (!ACTIONS.containsKey(group)) {
            // profiles, config, plugins and daemon: the CLI's own set-up on this machine
            return List.of(Operation.builder(SYSTEM, Set.of("config", "profiles", "plugins", "daemon", "auth").contains(group)
                    ? Verb.READ : Verb.UNKNOWN).resource("zowe", group).confidence(Confidence.INFERRED)
                    .locator("host", "localhost").evidence(inv.evidence()).note("zowe " + group).build());
        } else {
            Verb verb = ACTIONS.get(group).getOrDefault(action, Verb.UNKNOWN);
            b = Operation.builder(SYSTEM, verb).resource(group.equals("zos-jobs") ? "job" : object, target)
                    .evidence(inv.evidence()).note("zowe " + group + " " + action + " " + object);
            if (verb == Verb.UNKNOWN) {
                b.confidence(Confidence.INFERRED);
            }
            if (verb == Verb.DELETE) {
                b.stateful(!group.equals("zos-jobs")).reversible(false).scope(target.contains("*") ? Scope.MANY : Scope.ONE);
            }
            if (group.equals("zos-files") && action.equals("download")) {
                if (code(target)) {
                    b.note("downloads code (a JCL, source or load library's member) to read here");
                } else {
                    b.locator(DatabaseOps.COPIES_DATA, "data-set").note("downloads the data set to this machine");
                }
            }
            String dataSet = target.replace("'", "");
            String hlq = dataSet.indexOf('.') > 0 && !dataSet.startsWith("/") ? dataSet.substring(0, dataSet.indexOf('.')) : "";
            if (!hlq.isEmpty() && TIER_QUALIFIER.matcher(hlq).matches()) {
                b.locator("environment", hlq);
            }
        }
        p.value("--zosmf-profile", "--zosmf-p", "--tso-profile", "--tso-p", "--ssh-profile", "--ssh-p", "--base-profile", "--base-p")
                .ifPresent(v -> b.locator("profile", v));
        p.value("--host", "-H").ifPresent(v -> b.locator("host", v));
        return List.of(b.build());
    }

    private static Operation.Builder command(Invocation inv, CommandWords table, String command, String kind) {
        Verb verb = table.verb(command);
        Operation.Builder b = Operation.builder(SYSTEM, verb).resource("tso-command", command).evidence(inv.evidence())
                .note(kind + " " + command);
        return verb == Verb.UNKNOWN ? b.verb(Verb.EXECUTE).confidence(Confidence.INFERRED) : b;
    }

    /** A data set or USS file that holds code: its library's last qualifier, or the file's extension. */
    private static boolean code(String target) {
        String name = target.replace("'", "").toUpperCase(Locale.ROOT);
        if (name.startsWith("/")) {
            String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            return CODE_EXTENSIONS.contains(file.substring(file.lastIndexOf('.') + 1));
        }
        String library = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
        return !library.isEmpty() && CODE_LIBRARIES.contains(library.substring(library.lastIndexOf('.') + 1));
    }

    private static String canonical(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(w, w);
    }
}
