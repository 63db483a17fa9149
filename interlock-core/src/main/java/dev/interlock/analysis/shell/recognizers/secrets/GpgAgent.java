package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's gpg-agent: {@code gpgconf --kill gpg-agent}, {@code --reload}, {@code gpg-connect-agent reloadagent /bye}
 * restart it (it starts again on the next use, keys untouched), so they are routine. Agent commands that hand out or
 * delete key material ({@code DELETE_KEY}, {@code EXPORT_KEY}, {@code GET_PASSPHRASE}) and programs the agent is told
 * to run keep their weight; gpg's own {@code --delete-secret-keys} is {@link SecretStores}'.
 */
final class GpgAgent {

    private GpgAgent() {
    }

    /** gpg-connect-agent's commands (first word, lower case) → what they do; an unknown one is unknown. */
    private static final Map<String, Verb> AGENT = Map.ofEntries(
            Map.entry("/bye", Verb.READ), Map.entry("bye", Verb.READ), Map.entry("nop", Verb.READ), Map.entry("getinfo", Verb.READ),
            Map.entry("keyinfo", Verb.READ), Map.entry("havekey", Verb.READ), Map.entry("scd", Verb.READ), Map.entry("learn", Verb.READ),
            Map.entry("/echo", Verb.READ), Map.entry("updatestartuptty", Verb.UPDATE), Map.entry("reloadagent", Verb.UPDATE),
            Map.entry("killagent", Verb.UPDATE), Map.entry("delete_key", Verb.DELETE), Map.entry("export_key", Verb.CREDENTIAL),
            Map.entry("get_passphrase", Verb.CREDENTIAL), Map.entry("preset_passphrase", Verb.UPDATE),
            Map.entry("clear_passphrase", Verb.UPDATE));

    static List<Operation> recognize(Invocation inv) {
        return inv.program().equals("gpgconf") ? gpgconf(inv) : connectAgent(inv);
    }

    private static List<Operation> gpgconf(Invocation inv) {
        Verb verb = Verb.READ;
        for (String w : inv.words()) {
            if (w.startsWith("--kill") || w.startsWith("--reload") || w.startsWith("--launch")) {
                verb = Verb.UPDATE; // the component restarts on its next use
            } else if (w.startsWith("--change-options") || w.startsWith("--apply-") || w.endsWith("-socketdir")) {
                verb = Verb.UPDATE;
            }
        }
        return List.of(op(inv, verb, "restarts or configures the user's GnuPG components on this machine"));
    }

    private static List<Operation> connectAgent(Invocation inv) {
        Verb verb = Verb.READ;
        for (String w : inv.words()) {
            if (w.equals("-E") || w.startsWith("--exec") || w.equals("-r") || w.startsWith("--run")) {
                return List.of(op(inv, Verb.EXECUTE, "gpg-connect-agent runs a program or script it names").toBuilder()
                        .environment(dev.interlock.model.Tier.UNKNOWN, "a program gpg-connect-agent runs").build());
            }
            if (w.startsWith("-")) {
                continue;
            }
            Verb v = AGENT.getOrDefault(w.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT), Verb.UNKNOWN);
            verb = stricter(verb, v);
        }
        Operation op = op(inv, verb, "talks to the user's gpg-agent");
        return List.of(verb == Verb.DELETE ? op.toBuilder().stateful(true).reversible(false).build() : op);
    }

    private static Verb stricter(Verb a, Verb b) {
        List<Verb> order = List.of(Verb.READ, Verb.UPDATE, Verb.UNKNOWN, Verb.CREDENTIAL, Verb.DELETE);
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static Operation op(Invocation inv, Verb verb, String note) {
        return LocalFiles.local(inv, Operation.builder("gpg", verb).resource("agent", inv.program()).evidence(inv.evidence()).note(note),
                "the user's own gpg-agent").build();
    }
}
