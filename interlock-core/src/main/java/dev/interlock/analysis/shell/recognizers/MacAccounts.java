package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * macOS's directory tools for {@link PrivilegeRecognizer}: {@code dscl}, {@code dseditgroup}, {@code sysadminctl}.
 * Putting an account into {@code admin} (or {@code wheel}) is what {@code usermod -aG sudo} is on Linux: escalation.
 * Reading the directory is a read; other account changes are local updates, deleting an account a delete.
 */
final class MacAccounts {

    static final Set<String> PROGRAMS = Set.of("dscl", "dseditgroup", "sysadminctl");

    /** dscl commands (without the dash, lower case) that only look. */
    private static final Set<String> DSCL_READS = Set.of("read", "readall", "readpl", "readpli", "list", "search", "diff", "cd",
            "ls", "cat", "help", "q", "quit", "authonly", "history");
    /** dscl commands that add to an attribute's values. */
    private static final Set<String> DSCL_ADDS = Set.of("append", "merge", "create", "appendpl", "mergepl", "createpl");

    private MacAccounts() {
    }

    static Operation recognize(Invocation inv, Set<String> privilegedGroups) {
        return switch (inv.program()) {
            case "dscl" -> dscl(inv, privilegedGroups);
            case "dseditgroup" -> dseditgroup(inv, privilegedGroups);
            default -> sysadminctl(inv);
        };
    }

    /** {@code dscl [-u USER -P PASS] DATASOURCE -COMMAND PATH [KEY [VALUE…]]}. */
    private static Operation dscl(Invocation inv, Set<String> privilegedGroups) {
        List<String> words = inv.words();
        int at = 0;
        while (at < words.size() && !(words.get(at).startsWith("-") && at > 0 && !Set.of("-u", "-P", "-p", "-f", "-raw", "-plist",
                "-url", "-q").contains(words.get(at)))) {
            at++;
        }
        if (at >= words.size()) {
            // an interactive dscl session: what it will do is typed later
            return account(inv, Verb.UPDATE, "", "opens an interactive directory session").confidence(Confidence.INFERRED).build();
        }
        String command = words.get(at).substring(1).toLowerCase(Locale.ROOT);
        String path = at + 1 < words.size() ? words.get(at + 1) : "";
        List<String> rest = words.subList(Math.min(at + 2, words.size()), words.size());
        if (DSCL_READS.contains(command)) {
            return account(inv, Verb.READ, path, "").build();
        }
        String group = Regex.replaceFirst(path, "^/Groups/", "");
        boolean groupPath = path.startsWith("/Groups/");
        boolean membership = !rest.isEmpty() && Regex.matches(rest.getFirst(), "(?i)GroupMembership|GroupMembers|PrimaryGroupID");
        if (DSCL_ADDS.contains(command) && groupPath && membership && privilegedGroups.contains(group.toLowerCase(Locale.ROOT))
                || DSCL_ADDS.contains(command) && path.startsWith("/Users/") && !rest.isEmpty()
                && Regex.matches(rest.getFirst(), "(?i)PrimaryGroupID|UniqueID") && rest.size() > 1 && rest.get(1).equals("0")) {
            String user = rest.size() > 1 ? rest.getLast() : "";
            return PrivilegeRecognizer.escalate(inv, "group", group, "dscl -" + command + " puts " + user + " among the administrators ("
                    + path + ")");
        }
        if (command.equals("delete") && rest.isEmpty()) {
            return account(inv, Verb.DELETE, path, "deletes " + path + " from the directory").stateful(true).reversible(false).build();
        }
        return account(inv, groupPath && membership ? Verb.GRANT : Verb.UPDATE, path, "dscl -" + command + " " + path)
                .confidence(Confidence.INFERRED).build();
    }

    /** {@code dseditgroup -o edit -a USER -t user admin}: the group is the last word. */
    private static Operation dseditgroup(Invocation inv, Set<String> privilegedGroups) {
        var p = inv.parse(Set.of("-o", "-a", "-d", "-t", "-u", "-P", "-n", "-m", "-r", "-c", "-k", "-s", "-i", "-g", "-T", "-L", "-q"));
        String op = p.value("-o").orElse("read");
        String group = p.positional(0).orElse("");
        if (op.equals("read") || op.equals("checkmember")) {
            return account(inv, Verb.READ, group, "").build();
        }
        if (op.equals("edit") && p.value("-a").isPresent() && privilegedGroups.contains(group.toLowerCase(Locale.ROOT))) {
            return PrivilegeRecognizer.escalate(inv, "group", group, "adds " + p.value("-a").get() + " to the privileged group " + group);
        }
        if (op.equals("delete")) {
            return account(inv, Verb.DELETE, group, "deletes the group " + group).stateful(true).build();
        }
        return account(inv, Verb.GRANT, group, "dseditgroup -o " + op + " " + group).confidence(Confidence.INFERRED).build();
    }

    /** {@code sysadminctl -addUser NAME -admin}, {@code -secureTokenOn}: an administrator made; {@code -list}-like flags look. */
    private static Operation sysadminctl(Invocation inv) {
        List<String> words = inv.words();
        if (words.contains("-admin")) {
            return PrivilegeRecognizer.escalate(inv, "group", "admin", "sysadminctl makes an administrator account");
        }
        int delete = words.indexOf("-deleteUser");
        if (delete >= 0) {
            String user = delete + 1 < words.size() ? words.get(delete + 1) : "";
            return account(inv, Verb.DELETE, user, "deletes the account " + user).stateful(true).reversible(false).build();
        }
        boolean looks = words.stream().allMatch(w -> Regex.matches(w, "-[a-zA-Z]*Status|-guestAccount|-screenLock|status|-h|--help"))
                || words.isEmpty();
        return account(inv, looks ? Verb.READ : Verb.UPDATE, "", "").confidence(Confidence.INFERRED).build();
    }

    private static Operation.Builder account(Invocation inv, Verb verb, String name, String note) {
        Operation.Builder b = Operation.builder("os", verb).resource("account", name).evidence(inv.evidence());
        if (!note.isEmpty()) {
            b.note(note);
        }
        return LocalFiles.local(inv, b, "this machine's accounts");
    }
}
