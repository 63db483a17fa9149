package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Lmod and Environment Modules ({@code module}, Lmod's {@code ml}). Listing and showing modules read; loading,
 * unloading, swapping, purging and restoring only change which software the current shell has on its paths — nothing
 * is deleted, and the next login starts afresh — so they are local work. Saving a collection writes the user's own
 * file; the {@code init…} commands change what every new login shell loads.
 */
final class EnvironmentModules {

    private EnvironmentModules() {
    }

    static final Set<String> PROGRAMS = Set.of("module", "ml");

    private static final CommandTable.Act SHELL = new CommandTable.Act(Verb.UPDATE, "loaded-modules", true, false, Scope.ONE,
            "changes the modules loaded in this shell only");
    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "avail av list ls spider show display whatis help keyword key is-loaded is-avail is-saved is-used "
                    + "savelist describe overview ov search paths path apropos initlist mcc test --version -v", read("module"))
            .add("", "load add try-load try-add load-any unload rm del remove swap sw switch purge reset restore r use "
                    + "unuse refresh reload", SHELL)
            .add("", "save s saverm disable", new CommandTable.Act(Verb.UPDATE, "module-collection", true, false, Scope.ONE,
                    "saves or removes the user's own named set of modules"))
            .add("", "initadd initrm initswitch initclear initprepend", update("startup-modules")
                    .note("changes the modules every new login shell loads"))
            .build();

    static Operation recognize(Invocation inv) {
        List<String> words = inv.args().stream().map(a -> a.value()).filter(w -> !w.equals("-q") && !w.equals("--quiet")).toList();
        CommandTable.Found found;
        if (inv.program().equals("ml") && (words.isEmpty() || TABLE.find(words).isEmpty())) {
            // ml alone lists; ml NAME … loads and ml -NAME unloads
            found = new CommandTable.Found("", words.isEmpty() ? read("module") : SHELL, 0);
        } else {
            found = TABLE.findOrGuess(words, 1, "loaded-modules");
        }
        return found.act().operation(inv, "modules", String.join(" ", words.subList(found.words(), words.size()))).build();
    }
}
