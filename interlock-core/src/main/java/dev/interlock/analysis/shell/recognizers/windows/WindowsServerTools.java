package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command-line tools of Windows Server administration: Active Directory's ({@code repadmin}, {@code dcdiag},
 * {@code ds*}, {@code netdom}, {@code nltest}, {@code setspn}), Group Policy's ({@code gpresult}, {@code gpupdate}),
 * DFS's ({@code dfsdiag}, {@code dfsrdiag}, {@code dfsutil}), the DNS server's {@code dnscmd}, this machine's time and audit tools ({@code klist} is Kerberos'), and the directory
 * database's own ({@code ntdsutil}, {@code dsdbutil}, {@code esentutl}). Each is a table of the switches that change
 * something; everything else they do is a report ({@code repadmin /replsummary}, {@code gpresult /r}). A copy of the
 * directory database ({@code ntdsutil "ac i ntds" ifm "create full C:\temp"}, {@code esentutl /y …\ntds.dit}) holds every
 * account's password hash: a credential read.
 */
public final class WindowsServerTools implements Recognizer {

    /**
     * One tool: the system it acts on, whether that is this machine (or the domain), and the words (lower case) by
     * which it changes or deletes; a tool whose {@code changes} is null changes with every use.
     */
    private record Tool(String system, String type, boolean here, Pattern changes, Pattern deletes) {
        Tool(String system, String type, boolean here, String changes, String deletes) {
            this(system, type, here, changes == null ? null : Pattern.compile(changes), Pattern.compile(deletes));
        }
    }

    /** ntdsutil's (and AD LDS' dsdbutil's) menu commands, each a quoted word, that change the directory or its roles. */
    private static final String NTDSUTIL_CHANGES = "(metadata cleanup|remove selected .*|seize .*|transfer .*|authoritative restore"
            + "|restore (object|subtree|database).*|compact to .*|set dsrm password|reset password.*|move (db|logs) to .*)";
    private static final String NTDSUTIL_DELETES = "(metadata cleanup|remove selected .*)";

    private static final Map<String, Tool> TABLE = Map.ofEntries(
            // /options and /siteoptions with +FLAG or -FLAG set replication options; without one they print them
            Map.entry("repadmin", new Tool("active-directory", "replication", false,
                    "/(syncall|replicate|add|del|mod|kcc|removelingeringobjects|rehost|unhost|setattr|regkey|replsingleobj|rodcpwdrepl)|[+-][a-z_]+",
                    "/(del|removelingeringobjects|unhost)")),
            Map.entry("dcdiag", new Tool("active-directory", "domain-controller", false, "/fix", "$^")),
            Map.entry("gpresult", new Tool("group-policy", "resultant-policy", true, "$^", "$^")),
            Map.entry("gpupdate", new Tool("group-policy", "applied-policy", true, null, "$^")),
            // DFS namespaces and replication: dfsdiag only tests; dfsrdiag and dfsutil report unless told to poll, sync or edit
            Map.entry("dfsdiag", new Tool("dfs", "namespace", false, "$^", "$^")),
            Map.entry("dfsrdiag", new Tool("dfs", "replication", false, "syncnow|stopnow|pollad|staticrpc", "$^")),
            Map.entry("dfsutil", new Tool("dfs", "namespace", false,
                    "(add\\w*|remove|import\\w*|set|enable|disable|flush|online|offline|rename|clean|unmap|mode|insite|sitecosting|abde)", "remove|clean")),
            Map.entry("dsquery", new Tool("active-directory", "directory-object", false, "$^", "$^")),
            Map.entry("dsget", new Tool("active-directory", "directory-object", false, "$^", "$^")),
            Map.entry("dsadd", new Tool("active-directory", "directory-object", false, null, "$^")),
            Map.entry("dsmod", new Tool("active-directory", "directory-object", false, null, "$^")),
            Map.entry("dsmove", new Tool("active-directory", "directory-object", false, null, "$^")),
            Map.entry("dsrm", new Tool("active-directory", "directory-object", false, null, ".*")),
            Map.entry("dsacls", new Tool("active-directory", "permissions", false, "/(g|d|r|s|p:[yn])", "$^")),
            Map.entry("netdom", new Tool("active-directory", "computer-account", false,
                    "join|remove|reset|resetpwd|add|move|renamecomputer|trust|computername", "remove")),
            Map.entry("nltest", new Tool("active-directory", "secure-channel", false, "/(sc_reset|sc_change_pwd|shutdown|transport_notify):?.*", "$^")),
            Map.entry("setspn", new Tool("active-directory", "service-principal-name", false, "-[asdru]", "-d")),
            Map.entry("dnscmd", new Tool("dns", "dns-server", false,
                    "/(record|zone|node|directorypartition|ageallrecords|clearcache|config|resetforwarders|resetlisten|startscavenging|writebackfiles)(?!print|info$).*",
                    "/(recorddelete|zonedelete|nodedelete|deletedirectorypartition)")),
            Map.entry("w32tm", new Tool("os", "time-service", true, "/(resync|config|register|unregister)", "$^")),
            Map.entry("auditpol", new Tool("os", "audit-policy", true, "/(set|clear|remove|restore)", "/(clear|remove)")),
            Map.entry("secedit", new Tool("os", "security-policy", true, "/(configure|import)", "$^")),
            Map.entry("ntdsutil", new Tool("active-directory", "directory-database", false, NTDSUTIL_CHANGES, NTDSUTIL_DELETES)),
            Map.entry("dsdbutil", new Tool("active-directory", "directory-database", false, NTDSUTIL_CHANGES, NTDSUTIL_DELETES)),
            Map.entry("esentutl", new Tool("os", "ese-database", true, "/(p|d|r|c|y).*", "/p")));

    /** Words by which a tool copies the directory database out: ntdsutil's install-from-media, a mounted snapshot, ntds.dit named. */
    private static final Map<String, Pattern> DUMPS = Map.of(
            "ntdsutil", Pattern.compile("ifm|create (sysvol )?(full|rodc)( .*)?|mount .*|.*ntds\\.dit.*"),
            "dsdbutil", Pattern.compile("ifm|create (sysvol )?(full|rodc)( .*)?|mount .*|.*\\.dit.*"),
            "esentutl", Pattern.compile(".*ntds\\.dit.*"));

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>();
        for (String p : TABLE.keySet()) {
            all.add(p);
            all.add(p + ".exe");
        }
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = Regex.replaceFirst(inv.program().toLowerCase(Locale.ROOT), "\\.exe$", "");
        Tool tool = TABLE.get(program);
        // ntdsutil's menu commands are phrases, one quoted word each ("create full C:\\ifm"); other tools' switches are words
        List<String> words = program.endsWith("util") && !program.equals("esentutl") ? phrases(inv) : WindowsCommands.tokens(inv);
        Pattern dumps = DUMPS.get(program);
        if (dumps != null && words.stream().anyMatch(w -> dumps.matcher(w.toLowerCase(Locale.ROOT)).matches())) {
            // NTDS.dit holds every domain account's password hash: whoever copies it can crack or pass them offline
            return List.of(LocalFiles.local(inv, Operation.builder("active-directory", Verb.CREDENTIAL).resource("directory-database", "NTDS.dit")
                    .evidence(inv.evidence()).note(program + " copies the directory database (NTDS.dit): every domain account's password hash"),
                    "this domain controller's directory database").build());
        }
        boolean changes = tool.changes() == null || words.stream().anyMatch(w -> tool.changes().matcher(w).matches());
        Operation.Builder b;
        if (!changes) {
            // a report on the domain or this machine: a look, wherever it is taken
            b = Operation.builder(tool.system(), Verb.READ).resource(tool.type(), "").evidence(inv.evidence());
            return List.of(LocalFiles.local(inv, b, "a report").build());
        }
        boolean deletes = words.stream().anyMatch(w -> tool.deletes().matcher(w).matches());
        b = Operation.builder(tool.system(), deletes ? Verb.DELETE : Verb.UPDATE).resource(tool.type(), "")
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(program + (deletes ? " deletes from " : " changes ") + (tool.here() ? "this machine's " : "the domain's ") + tool.type());
        if (deletes) {
            b.stateful(true).reversible(false);
        }
        return List.of(tool.here() ? LocalFiles.local(inv, b, "this machine's " + tool.type()).build() : b.build());
    }

    /** Each argument whole, spaces collapsed, lower case. */
    private static List<String> phrases(Invocation inv) {
        return inv.args().stream().map(a -> Regex.replaceAll(a.value().strip(), "\\s+", " ").toLowerCase(Locale.ROOT)).toList();
    }
}
