package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IIS's {@code appcmd}: {@code ACTION OBJECT [ID] [/switches]}, judged by its action. {@code list} reads, except that
 * it prints the passwords IIS keeps for application pool identities and virtual directories in clear text when asked
 * for them ({@code list apppool X /text:processModel.password}, {@code /text:*}, {@code /config}): a credential read.
 * The server is the one it runs on (over ssh, that host); nothing on its line names an environment.
 */
public final class IisAppcmd implements Recognizer {

    /** Action (lower case) → what it does to the object; anything not here only looks. */
    private static final Map<String, Verb> ACTIONS = Map.ofEntries(Map.entry("add", Verb.CREATE), Map.entry("install", Verb.CREATE),
            Map.entry("set", Verb.UPDATE), Map.entry("configure", Verb.UPDATE), Map.entry("lock", Verb.UPDATE),
            Map.entry("unlock", Verb.UPDATE), Map.entry("start", Verb.UPDATE), Map.entry("stop", Verb.UPDATE),
            Map.entry("recycle", Verb.UPDATE), Map.entry("restore", Verb.UPDATE), Map.entry("migrate", Verb.UPDATE),
            Map.entry("clear", Verb.DELETE), Map.entry("delete", Verb.DELETE), Map.entry("uninstall", Verb.DELETE));

    /** Objects that hold a stored password: an app pool's identity, a virtual directory's connect-as account. */
    private static final Set<String> WITH_PASSWORDS = Set.of("apppool", "apppools", "vdir", "vdirs");

    @Override
    public Set<String> programs() {
        return Set.of("appcmd", "appcmd.exe", "APPCMD.EXE", "AppCmd.exe");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("/") && !w.startsWith("-")).toList();
        String action = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        String object = words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "";
        String id = words.size() > 2 ? words.get(2) : "";
        if (action.equals("list") && WITH_PASSWORDS.contains(object) && printsPasswords(inv.words())) {
            return List.of(Operation.builder("iis", Verb.CREDENTIAL).resource("stored-password", id.isEmpty() ? object : id)
                    .evidence(inv.evidence()).note("appcmd prints the " + object + "'s stored password in clear text").build());
        }
        Verb verb = ACTIONS.getOrDefault(action, Verb.READ);
        Operation.Builder b = Operation.builder("iis", verb).resource(object.isEmpty() ? "config" : object, id).evidence(inv.evidence());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).note("appcmd " + action + " " + object + (id.isEmpty() ? "" : " " + id));
        } else if (verb != Verb.READ) {
            b.note("appcmd " + action + " changes IIS's " + object + (id.isEmpty() ? "" : " " + id));
        }
        return List.of(b.build());
    }

    /** {@code /text:processModel.password}, {@code /text:*}, {@code /config[:*]}: the switches that print the stored password. */
    private static boolean printsPasswords(List<String> words) {
        for (String w : words) {
            String s = w.toLowerCase(Locale.ROOT);
            if (Regex.matches(s, "[/-]text:(\\*|\\S*password\\S*)|[/-]config(:\\*)?")) {
                return true;
            }
        }
        return false;
    }
}
