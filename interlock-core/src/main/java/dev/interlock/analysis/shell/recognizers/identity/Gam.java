package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GAM, the Google Workspace admin CLI. Commands come in two shapes: {@code gam <action> <object> …}
 * ({@code gam update group G add owner user U}) and {@code gam <entity-type> <entity> <action> …}
 * ({@code gam user U show backupcodes}). Reporting actions read; admin roles, group memberships, delegation and
 * sharing are grants; 2-step-verification backup codes are credentials; turning 2SV off weakens sign-in. The domain of
 * the users named, or the config section {@code gam select} picks, is the tenant it acts in ({@link DirectoryTenants}).
 */
final class Gam {

    private Gam() {
    }

    private static final Set<String> READS = Set.of("info", "print", "show", "report", "check", "whatis", "help",
            "version", "get", "list", "select", "config");
    private static final Set<String> DELETES = Set.of("delete", "del", "remove", "wipe", "deprovision", "purge", "clear", "empty");
    /** Objects whose creation or change gives someone rights: admin roles, memberships, delegates, sharing and ACLs. */
    private static final Set<String> GRANT_OBJECTS = Set.of("admin", "admins", "member", "members", "owner", "owners",
            "manager", "managers", "delegate", "delegates", "delegation", "drivefileacl", "drivefileacls", "calendaracl",
            "calendaracls", "acl", "acls", "sendas", "role", "roles", "domainwidedelegation", "serviceaccount",
            "adminrole", "adminroles", "permissions", "shareddriveacl", "teamdriveacl");
    /** Objects that are secrets: printing or generating them hands out a way to sign in. */
    private static final Set<String> SECRET_OBJECTS = Set.of("backupcodes", "backupcode", "verificationcodes",
            "verificationcode");
    /** Actions of the entity form that give someone rights or take a sign-in factor away. */
    private static final Map<String, Act> ENTITY_ACTIONS = Map.of(
            "turnoff2sv", update("user").note("turns off 2-step verification"),
            "delegate", grant("mailbox").note("lets another user read and send as this mailbox"),
            "transfer", update("drive").note("transfers ownership of files"),
            "signout", update("user").note("signs the user out everywhere"),
            "deprovision", delete("user").note("removes the user's tokens, app passwords and backup codes"),
            "forward", update("mailbox").note("forwards mail elsewhere"));
    private static final Set<String> ENTITY_TYPES = Set.of("user", "users", "group", "groups", "group_users", "ou", "ous",
            "ou_and_children", "ous_and_children", "domain", "all", "file", "csvfile", "query", "queries", "license",
            "licenses", "courseparticipants", "teachers", "students", "cros", "crosquery", "crosfile", "browsers",
            "oauthuser", "croscsvfile", "usersfile", "groupsfile", "datafile");

    static List<Operation> recognize(Invocation inv) {
        return recognize(inv, Optional.empty());
    }

    /** {@code section}: the config section {@code gam select} chose, which says the domain better than the users named. */
    private static List<Operation> recognize(Invocation inv, Optional<String> section) {
        List<String> w = inv.words().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        // gam csv users.csv gam update user ~email …: one GAM command per row
        int nested = w.indexOf("gam");
        if (nested > 0 && Set.of("csv", "loop").contains(w.getFirst())) {
            return recognize(inv.withArgs(inv.args().subList(nested + 1, inv.args().size())), section);
        }
        // gam select SECTION [save] [verify] COMMAND: the command acts in the domain that config section holds
        int command = 2;
        while (w.getFirst().equals("select") && command < w.size() && Set.of("save", "verify").contains(w.get(command))) {
            command++;
        }
        if (w.getFirst().equals("select") && command < w.size()) {
            return recognize(inv.withArgs(inv.args().subList(command, inv.args().size())), Optional.of(inv.args().get(1).value()));
        }
        if (Set.of("batch", "tbatch", "csv", "loop").contains(w.getFirst())) {
            return List.of(DirectoryAdmin.operation(inv, "google-workspace",
                    update("batch").note("runs the GAM commands in " + (w.size() > 1 ? w.get(1) : "a file")), w.size() > 1 ? w.get(1) : "", ""));
        }
        if (w.getFirst().equals("oauth")) {
            Act act = w.size() > 1 && READS.contains(w.get(1)) ? read("gam-credentials")
                    : update("gam-credentials").note("changes GAM's own sign-in on this machine");
            return List.of(DirectoryAdmin.operation(inv, "google-workspace", act, "", ""));
        }
        boolean entityForm = ENTITY_TYPES.contains(w.getFirst()) && w.size() > 2 && !READS.contains(w.get(1));
        int at = entityForm ? 2 : 0;
        String action = at < w.size() ? w.get(at) : "";
        List<String> rest = w.subList(Math.min(at + 1, w.size()), w.size());
        String target = entityForm ? w.getFirst() + " " + inv.args().get(1).value()
                : rest.size() > 1 ? rest.get(0) + " " + inv.args().get(at + 2).value() : String.join(" ", rest);
        Operation op = DirectoryAdmin.operation(inv, "google-workspace", act(action, rest, entityForm), target, "");
        return List.of(DirectoryTenants.placed(op, section.or(() -> DirectoryTenants.ofSignInNames(w))));
    }

    private static Act act(String action, List<String> rest, boolean entityForm) {
        String object = rest.isEmpty() ? "" : rest.getFirst();
        if (rest.stream().anyMatch(SECRET_OBJECTS::contains) && (READS.contains(action) || Set.of("update", "create", "add").contains(action))) {
            return credential("sign-in-codes").note("prints a user's 2-step verification backup codes");
        }
        if (READS.contains(action)) {
            return read(object.isEmpty() ? "workspace" : object);
        }
        if (entityForm && ENTITY_ACTIONS.containsKey(action)) {
            return ENTITY_ACTIONS.get(action);
        }
        // update group G add|remove|sync|delete owner|member|manager …: membership changes, as are admin role assignments
        boolean rights = GRANT_OBJECTS.contains(object) || rest.stream().skip(1).limit(3).anyMatch(GRANT_OBJECTS::contains)
                && (object.startsWith("group") || entityForm || rest.stream().anyMatch(Set.of("add", "remove", "sync", "delete")::contains));
        if (rights) {
            return grant(object.isEmpty() ? "workspace" : object).note("changes who holds rights in Google Workspace");
        }
        if (DELETES.contains(action)) {
            return delete(object.isEmpty() ? "workspace" : object);
        }
        if (Set.of("create", "add", "new").contains(action)) {
            return create(object.isEmpty() ? "workspace" : object);
        }
        return update(object.isEmpty() ? "workspace" : object);
    }
}
