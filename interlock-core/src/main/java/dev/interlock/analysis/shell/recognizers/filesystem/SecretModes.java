package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Optional;
import java.util.Set;

/**
 * Modes and owners that open the home directory's key and credential stores to other users ({@code chmod -R 777
 * ~/.ssh}, {@code chmod 755 ~/.aws}, {@code chmod o+r ~/.ssh/id_ed25519}, {@code chown -R nobody ~/.gnupg}): a grant of
 * the secrets to everyone on the machine, and ssh and gpg stop trusting them. Tightening ({@code chmod 700 ~/.ssh},
 * {@code chmod 600 ~/.ssh/id_*}), handing them back to their owner, and public halves ({@code *.pub}, {@code
 * known_hosts}, ssh's {@code config}) stay routine.
 */
final class SecretModes {

    /** The stores, below the home directory, whose files are keys or credentials. */
    private static final Set<String> STORES = Set.of(".ssh", ".aws", ".kube", ".gnupg", ".docker", ".azure",
            ".config/gcloud", ".password-store");

    private SecretModes() {
    }

    /** The grant a change of mode or owner makes, when it opens a store or a secret in one. */
    static Optional<Operation> exposure(Invocation inv, FileTarget t, boolean chmod, String spec, boolean recursive) {
        String home = inv.workspace().home();
        // cheap test first: only paths below the home directory's stores
        if (spec == null || !t.path().startsWith(home + "/.")) {
            return Optional.empty();
        }
        String store = STORES.stream().filter(s -> t.path().equals(home + "/" + s) || t.path().startsWith(home + "/" + s + "/"))
                .findFirst().orElse("");
        if (store.isEmpty() || !(chmod ? loosens(spec) : foreignOwner(inv, spec))) {
            return Optional.empty();
        }
        boolean whole = t.path().equals(home + "/" + store) || recursive;
        boolean secret = whole || t.glob() ? !t.written().endsWith(".pub") : SecretFiles.isSecret(t.path());
        if (!secret) {
            return Optional.empty();
        }
        if (!chmod && !inv.program().equals("chown")) {
            return Optional.empty(); // chgrp: the group gains only what the mode already gives it
        }
        // chmod back does not take back what was read while it was open
        return Optional.of(t.operation(inv, Verb.GRANT, "credentials").scope(t.scope(recursive)).reversible(false)
                .note((chmod ? "lets other users read or change" : "hands another user") + " the keys and credentials in ~/" + store)
                .build());
    }

    /** A mode that gives the group or others read or write: {@code 755}, {@code 0644}, {@code o+r}, {@code a+rwx}, {@code +r}. */
    static boolean loosens(String mode) {
        if (Regex.matches(mode, "[0-7]{3,5}")) {
            int group = mode.charAt(mode.length() - 2) - '0';
            int other = mode.charAt(mode.length() - 1) - '0';
            return (group & 6) != 0 || (other & 6) != 0;
        }
        for (String clause : mode.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([ugoa]*)([-+=])([rwxXst]*)").matcher(clause);
            if (!m.matches() || m.group(2).equals("-")) {
                continue;
            }
            String who = m.group(1);
            String perms = m.group(3);
            // no one named: all, less the umask, which keeps read for others
            if (who.isEmpty() ? perms.contains("r") : Regex.matches(who, ".*[goa].*") && Regex.matches(perms, ".*[rw].*")) {
                return true;
            }
        }
        return false;
    }

    /** {@code chown nobody}, {@code chown www-data:www-data}: an owner other than the user (or root). */
    private static boolean foreignOwner(Invocation inv, String spec) {
        String user = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec.contains(".") ? spec.substring(0, spec.indexOf('.')) : spec;
        if (user.isEmpty() || user.startsWith("$") || user.equals("root") || user.equals("0")) {
            return false;
        }
        String home = inv.workspace().home();
        String self = inv.env().getOrDefault("USER", home.substring(home.lastIndexOf('/') + 1));
        return !user.equals(self) && !user.equals(home.substring(home.lastIndexOf('/') + 1));
    }
}
