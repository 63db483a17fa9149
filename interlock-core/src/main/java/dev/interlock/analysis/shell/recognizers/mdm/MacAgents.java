package dev.interlock.analysis.shell.recognizers.mdm;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The management agents on a Mac. Jamf's {@code jamf}: {@code recon} (inventory sent to the server), {@code policy}
 * (runs what administrators already scoped to this Mac on the server), {@code checkJSSConnection}, {@code version},
 * {@code about} are the agent's own check-ins — reads, so {@code sudo} of them is no escalation; {@code removeFramework}
 * unmanages the Mac (a security control switched off), {@code resetPassword} and {@code createAccount -admin} hand
 * the caller an account, {@code deleteAccount} deletes one. Munki: {@code managedsoftwareupdate --checkonly} only looks,
 * any other run installs as root; {@code makecatalogs} and {@code munkiimport} change the repository every managed Mac
 * installs from, so they are not this machine's business.
 */
final class MacAgents {

    private MacAgents() {
    }

    private static final CommandTable JAMF = CommandTable.builder()
            .add("", "recon checkjssconnection version about help listusers getcomputername checkpatchaccess",
                    read("mac").note("the Jamf agent checks in: nothing on this Mac changes"))
            .add("", "policy", read("mac").note("runs only the policies Jamf's administrators scoped to this Mac"))
            .add("", "removeframework removemdmprofile", delete("management-framework")
                    .note("removes Jamf management from this Mac: its policies and security settings stop applying"))
            .add("", "deleteaccount", delete("account").note("deletes a local account and its home folder"))
            .add("", "createaccount", create("account"))
            .build();
    private static final Set<String> JAMF_ACCOUNTS = Set.of("resetpassword", "createaccount");

    static Operation jamf(Invocation inv) {
        List<String> words = inv.words();
        String command = words.isEmpty() ? "help" : words.getFirst().toLowerCase(java.util.Locale.ROOT);
        // jamf's options are single-dash words (-username, -admin): read them whole, not as bundled letters
        String user = valueAfter(words, "-username");
        boolean admin = words.contains("-admin");
        if (command.equals("resetpassword") || JAMF_ACCOUNTS.contains(command) && admin) {
            // a password the caller chooses, or a new admin: the caller now holds that account
            Operation.Builder b = Operation.builder("os", Verb.ESCALATE).resource("account", user).reversible(false)
                    .evidence(inv.evidence()).note("jamf " + words.getFirst() + " gives the caller "
                            + (admin ? "an administrator account" : "the password of " + (user.isEmpty() ? "an account" : user)));
            return LocalFiles.local(inv, b, "an account on this Mac").build();
        }
        CommandTable.Act act = JAMF.find(List.of(command)).map(CommandTable.Found::act)
                .orElse(update("mac").note("jamf " + command + " changes this Mac's management state"));
        Operation.Builder b = act.operation(inv, "os", act.type().equals("account") ? user : "jamf " + command);
        if (act.type().equals("management-framework")) {
            b.locator(SecurityControls.LOCATOR, "device management (Jamf)");
        }
        return LocalFiles.local(inv, b, "this Mac").build();
    }

    /** {@code managedsoftwareupdate} on this Mac; {@code makecatalogs}/{@code munkiimport} on the repository. */
    static Operation munki(Invocation inv) {
        List<String> words = inv.words();
        if (inv.program().equals("managedsoftwareupdate")) {
            boolean looks = !words.contains("--installonly") && !words.contains("--auto")
                    && (words.contains("--checkonly") || words.contains("--show-config") || words.contains("-V")
                    || words.contains("--version") || words.contains("-h") || words.contains("--help"));
            Operation.Builder b = Operation.builder("os", looks ? Verb.READ : Verb.UPDATE).resource("software", "munki")
                    .evidence(inv.evidence()).note(looks ? "Munki checks for updates without installing"
                            : "Munki installs or removes software on this Mac as root");
            return LocalFiles.local(inv, b, "software on this Mac").build();
        }
        if (words.contains("--configure") || words.contains("-h") || words.contains("--help") || words.contains("-V")
                || words.contains("--version")) {
            return LocalFiles.local(inv, Operation.builder("munki", Verb.READ).resource("config", inv.program())
                    .evidence(inv.evidence()), "Munki's own settings").build();
        }
        var p = inv.parse(Set.of("--repo-url", "--repo_url", "--plugin", "--subdirectory", "--name", "--catalog"));
        // munkiimport's operand is the package it imports; makecatalogs' is the repository
        String repo = p.value("--repo-url", "--repo_url")
                .orElse(inv.program().equals("makecatalogs") ? p.positional(0).orElse("") : "");
        Operation.Builder b = Operation.builder("munki", Verb.UPDATE).resource("repository", repo).evidence(inv.evidence());
        if (localRepository(inv, repo)) {
            // a test repository in the developer's own tree: no managed Mac installs from it
            return LocalFiles.local(inv, b.note(inv.program() + " changes a Munki repository in the developer's own files"),
                    "a Munki repository under the home directory or workspace").build();
        }
        return b.note(inv.program() + " changes the Munki repository every managed Mac installs from").build();
    }

    /** A repository given as a path or {@code file://} URL in the workspace, home or temp; shares and servers are not. */
    private static boolean localRepository(Invocation inv, String repo) {
        String path = repo.startsWith("file://") ? repo.substring("file://".length()) : repo;
        if (path.isEmpty() || path.contains("://") || !path.startsWith("/") && !path.startsWith("~") && !path.startsWith(".")) {
            return false;
        }
        Workspace.Area area = inv.workspace().area(path);
        return area == Workspace.Area.WORKSPACE || area == Workspace.Area.HOME || area == Workspace.Area.TEMP;
    }

    private static String valueAfter(List<String> words, String flag) {
        int at = words.indexOf(flag);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : "";
    }
}
