package dev.interlock.analysis.shell.recognizers.macos;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.mobile.AppStoreUploads;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Xcode's simulators ({@code xcrun simctl}). Booting, installing and resetting one simulator is everyday iOS work;
 * {@code erase all} or {@code delete all} wipes every simulator on the machine, other projects' apps and state with them
 * (scope all). {@code delete unavailable} only drops simulators whose runtime is gone. Apple's upload tools are
 * {@link AppStoreUploads}'; other {@code xcrun} tools are judged as build tools ({@link UnrecognizedProgram}).
 */
public final class Simulators implements Recognizer {

    /** simctl subcommands that only look, or change nothing kept. */
    private static final Set<String> READS = Set.of("list", "help", "getenv", "listapps", "appinfo", "get_app_container", "io",
            "diagnose", "status_bar", "pbpaste", "--version", "--help");
    /** Subcommands that wipe a simulator (or a runtime) and what it held. */
    private static final Set<String> WIPES = Set.of("erase", "delete");
    /** Device words that stand for more than one simulator. */
    private static final Map<String, Scope> SCOPES = Map.of("all", Scope.ALL, "unavailable", Scope.MANY);
    private static final Set<String> XCRUN_VALUED = Set.of("-sdk", "--sdk", "-toolchain", "--toolchain");
    /** Apple's upload tools, run through xcrun as often as not. */
    private final AppStoreUploads uploads = new AppStoreUploads();

    @Override
    public Set<String> programs() {
        return Set.of("xcrun", "simctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        int at = 0;
        if (inv.program().equals("xcrun")) {
            while (at < words.size() && words.get(at).startsWith("-")) {
                at += XCRUN_VALUED.contains(words.get(at)) ? 2 : 1;
            }
            boolean finds = words.subList(0, Math.min(at, words.size())).stream().anyMatch(w -> w.equals("-f") || w.equals("--find"));
            if (!finds && at < words.size() && uploads.programs().contains(words.get(at))) {
                return uploads.recognize(inv.withProgram(words.get(at), inv.args().subList(at + 1, words.size())), nested);
            }
            if (at >= words.size() || !words.get(at).equals("simctl") || finds) {
                return new UnrecognizedProgram().recognize(inv, nested);
            }
            at++;
        }
        List<String> rest = words.subList(Math.min(at, words.size()), words.size());
        String sub = rest.isEmpty() ? "help" : rest.getFirst();
        // simctl runtime delete all: the second word is the action
        boolean runtime = sub.equals("runtime") && rest.size() > 1;
        String action = runtime ? rest.get(1) : sub;
        List<String> targets = rest.subList(Math.min(runtime ? 2 : 1, rest.size()), rest.size());
        String device = targets.isEmpty() ? "" : targets.getFirst();
        if (READS.contains(action) || runtime && Set.of("list", "match").contains(action)) {
            return List.of(op(inv, Verb.READ, device).build());
        }
        Scope scope = SCOPES.getOrDefault(device, Scope.ONE);
        if (!WIPES.contains(action)) {
            return List.of(op(inv, Verb.UPDATE, device).scope(scope).build());
        }
        Operation.Builder b = op(inv, Verb.DELETE, device).scope(scope);
        if (scope == Scope.ALL) {
            b.reversible(false).note("simctl " + String.join(" ", rest) + " wipes every " + (runtime ? "simulator runtime" : "simulator")
                    + " on this machine, other projects' apps and data with them");
        } else if (scope == Scope.ONE) {
            b.reversible(false).note("simctl " + action + " resets the simulator " + device);
        } else {
            b.note("simctl " + action + " unavailable drops simulators whose runtime is no longer installed");
        }
        return List.of(b.build());
    }

    private static Operation.Builder op(Invocation inv, Verb verb, String device) {
        return LocalFiles.local(inv, Operation.builder("simulator", verb).resource("simulator", device).evidence(inv.evidence()),
                "simulators on this machine");
    }
}
