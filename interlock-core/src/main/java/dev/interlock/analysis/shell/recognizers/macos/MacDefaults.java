package dev.interlock.analysis.shell.recognizers.macos;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * macOS preferences ({@code defaults}). An app's own domain is its settings, routine to change; a few domains hold the
 * machine's security controls — quarantine of downloads, Gatekeeper, the application firewall, the screen lock, software
 * updates — and weakening them changes this machine for everyone on it, as {@code ufw disable} or
 * {@code spctl --master-disable} do. A login hook names a script that runs at every login: a start-up change. Deleting one
 * key is an update; deleting a domain without a key wipes all of that app's settings at once.
 */
public final class MacDefaults implements Recognizer {

    /** A domain (or a domain and key) holding a security control. */
    private record Control(Pattern domain, Pattern key, String what) {
    }

    private static Control control(String domain, String key, String what) {
        return new Control(Pattern.compile(domain), Pattern.compile(key), what);
    }

    private static final List<Control> CONTROLS = List.of(
            control("com\\.apple\\.launchservices", "lsquarantine", "quarantine of downloaded files"),
            control("com\\.apple\\.security(\\..*)?", ".*", "Gatekeeper and code-signing checks"),
            control("com\\.apple\\.systempolicy\\..*", ".*", "Gatekeeper"),
            control("com\\.apple\\.alf", ".*", "the application firewall"),
            control("com\\.apple\\.screensaver", "askforpassword.*", "the password on the screen lock"),
            control("com\\.apple\\.softwareupdate|com\\.apple\\.commerce", "automatic.*|criticalupdateinstall|configdatainstall|autoupdate.*",
                    "automatic security updates"),
            control("com\\.apple\\.loginwindow", "(?!loginhook|logouthook).*", "the login window (automatic login, guest account)"));

    /** Keys whose value is a script run at every login or logout. */
    private static final Pattern HOOKS = Pattern.compile("(?i)LoginHook|LogoutHook");
    private static final Set<String> CHANGES = Set.of("write", "delete", "import", "rename");

    @Override
    public Set<String> programs() {
        return Set.of("defaults");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        // -currentHost and -host NAME pick whose preferences; the words after them are the command
        List<String> words = new ArrayList<>(inv.parse(Set.of("-host")).words());
        if (inv.words().contains("-g") || inv.words().contains("-globalDomain")) {
            // every app's shared preferences: keyboard, appearance, locale
            words.add(Math.min(1, words.size()), "NSGlobalDomain");
        }
        String sub = words.isEmpty() ? "help" : words.getFirst();
        String domain = words.size() > 1 ? words.get(1) : "";
        String key = words.size() > 2 ? words.get(2) : "";
        // a domain given as a path: /Library/Preferences/com.apple.alf(.plist)
        String name = Regex.replaceFirst(Regex.replaceFirst(domain, ".*/", ""), "\\.plist$", "").toLowerCase(Locale.ROOT);
        Operation.Builder b = Operation.builder("os", CHANGES.contains(sub) ? Verb.UPDATE : Verb.READ)
                .resource("preferences", domain + (key.isEmpty() ? "" : " " + key)).evidence(inv.evidence());
        if (!CHANGES.contains(sub)) {
            return List.of(LocalFiles.local(inv, b, "this machine's preferences").build());
        }
        if (name.equals("com.apple.loginwindow") && HOOKS.matcher(key).matches()) {
            return List.of(LocalFiles.local(inv, b.system("startup").resource("startup-file", domain + " " + key)
                    .note("defaults " + sub + " " + key + " names a script that runs at every login, without being asked again"),
                    "this machine's preferences").build());
        }
        for (Control c : CONTROLS) {
            // a whole domain deleted or imported takes every key with it
            boolean keyed = sub.equals("write") || sub.equals("rename") || !key.isEmpty();
            if (c.domain().matcher(name).matches() && (!keyed || c.key().matcher(key.toLowerCase(Locale.ROOT)).matches())) {
                b.resource("settings", domain + (key.isEmpty() ? "" : " " + key)).scope(Scope.MANY).stateful(true).reversible(false)
                        .note("defaults " + sub + " changes " + c.what() + ", a security control of this machine");
                return List.of(LocalFiles.local(inv, b, "this machine's settings").build());
            }
        }
        if (sub.equals("delete") && key.isEmpty()) {
            // no key: every setting the app keeps (profiles, accounts, layouts) is gone, and defaults keeps no copy
            return List.of(LocalFiles.local(inv, b.verb(Verb.DELETE).stateful(true).reversible(false)
                    .note("defaults delete " + domain + " wipes the whole preference domain, not one key"), "this machine's preferences").build());
        }
        return List.of(LocalFiles.local(inv, b.note("changes " + domain + "'s own preferences"), "this machine's preferences").build());
    }
}
