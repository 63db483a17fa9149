package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CLI's commands as a table: the words that name a command ({@code dags trigger}, {@code secrets get-secret}) and
 * what it does. CLIs Interlock knows by their commands (data platforms, serverless deployers) look their first
 * positionals up here rather than being judged by the words an unfamiliar program happens to use: {@code dbt compile}
 * only reads, {@code sam sync} changes a stack.
 */
public final class CommandTable {

    /** How many positionals a command name can span ({@code pipeline bootstrap}, {@code secrets get-secret}). */
    private static final int DEPTH = 3;

    /**
     * What a command does. {@code here} means it runs on this machine only (a local build, an emulator, a dev
     * server); otherwise it acts on the platform the command line names.
     */
    public record Act(Verb verb, String type, boolean here, boolean stateful, Scope scope, String note) {

        /** Data is lost: the act cannot be undone. */
        public Act losesData() {
            return new Act(verb, type, here, true, scope, note);
        }

        /** The same act on another kind of resource. */
        public Act on(String otherType) {
            return new Act(verb, otherType, here, stateful, scope, note);
        }

        public Act many() {
            return new Act(verb, type, here, stateful, Scope.MANY, note);
        }

        public Act all() {
            return new Act(verb, type, here, stateful, Scope.ALL, note);
        }

        public Act note(String text) {
            return new Act(verb, type, here, stateful, scope, text);
        }

        /**
         * The operation, on {@code name} of this act's type, marked local when it runs here. Destructive and stateful
         * acts are irreversible.
         */
        public Operation.Builder operation(Invocation inv, String system, String name) {
            Operation.Builder b = Operation.builder(system, verb).resource(type, name).scope(scope).stateful(stateful)
                    .reversible(!stateful && !verb.destructive()).confidence(Confidence.INFERRED).evidence(inv.evidence());
            if (!note.isEmpty()) {
                b.note(note);
            }
            return here ? LocalFiles.local(inv, b, inv.program() + " runs this on this machine") : b;
        }

        /**
         * The operation on {@code name} with the locators the command names (empty values left out) and the tier it
         * itself implies ({@code Tier.UNKNOWN} for none: then the inventory places the locators).
         */
        public Operation placed(Invocation inv, String system, String name, Map<String, String> locators, Tier implied,
                                String why) {
            Operation.Builder b = operation(inv, system, name);
            locators.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    b.locator(k, v);
                }
            });
            inv.locators().forEach(b::locator);
            if (implied != Tier.UNKNOWN && !here) {
                b.environment(implied, why);
            }
            return b.build();
        }
    }

    public static Act read(String type) {
        return new Act(Verb.READ, type, false, false, Scope.ONE, "");
    }

    public static Act create(String type) {
        return new Act(Verb.CREATE, type, false, false, Scope.ONE, "");
    }

    public static Act update(String type) {
        return new Act(Verb.UPDATE, type, false, false, Scope.ONE, "");
    }

    public static Act replace(String type) {
        return new Act(Verb.REPLACE, type, false, true, Scope.ONE, "");
    }

    public static Act delete(String type) {
        return new Act(Verb.DELETE, type, false, true, Scope.ONE, "");
    }

    /** Runs code in the target: a job, a DAG, a function, a macro. */
    public static Act execute(String type) {
        return new Act(Verb.EXECUTE, type, false, false, Scope.ONE, "");
    }

    public static Act grant(String type) {
        return new Act(Verb.GRANT, type, false, false, Scope.ONE, "");
    }

    /** Prints a secret's value. */
    public static Act credential(String type) {
        return new Act(Verb.CREDENTIAL, type, false, false, Scope.ONE, "");
    }

    /** Runs on this machine only: builds, local invocations, emulators, project files. */
    public static Act local(String type) {
        return new Act(Verb.EXECUTE, type, true, false, Scope.ONE, "");
    }

    /** A command found in a table, and how many positionals its name took. */
    public record Found(String command, Act act, int words) {

        /** The positional after the command's name (what it acts on), or "" when there is none. */
        public String name(List<String> positionals) {
            return positionals.size() > words ? positionals.get(words) : "";
        }
    }

    private final Map<String, Act> acts;

    private CommandTable(Map<String, Act> acts) {
        this.acts = Map.copyOf(acts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects rows: {@code add("dags", "list list-runs details", read("dag"))}. */
    public static final class Builder {
        private final Map<String, Act> acts = new HashMap<>();

        /** Each of the space-separated {@code commands} under {@code group} ("" for top-level commands). */
        public Builder add(String group, String commands, Act act) {
            for (String command : commands.split(" ")) {
                acts.put(group.isEmpty() ? command : group + " " + command, act);
            }
            return this;
        }

        public CommandTable build() {
            return new CommandTable(acts);
        }
    }

    /** The longest command the first positionals name, if the table has it. */
    public Optional<Found> find(List<String> positionals) {
        for (int n = Math.min(DEPTH, positionals.size()); n > 0; n--) {
            String command = String.join(" ", positionals.subList(0, n)).toLowerCase(Locale.ROOT);
            Act act = acts.get(command);
            if (act != null) {
                return Optional.of(new Found(command, act, n));
            }
        }
        return Optional.empty();
    }

    /**
     * The command the first positionals name; one the table does not list is taken to span the first {@code span}
     * positionals and is judged by the last of them ({@link #guess}).
     */
    public Found findOrGuess(List<String> positionals, int span, String type) {
        return find(positionals).orElseGet(() -> {
            int n = Math.min(span, positionals.size());
            return new Found(String.join(" ", positionals.subList(0, n)),
                    guess(n == 0 ? "" : positionals.get(n - 1), type), n);
        });
    }

    /**
     * A command the table does not list, judged by its own word: reading words read, destructive words delete,
     * anything else changes the target. Only for CLIs whose every command acts on a remote platform.
     */
    public static Act guess(String command, String type) {
        List<String> parts = CommandWords.parts(command);
        if (parts.stream().anyMatch(p -> KnownPrograms.DESTRUCTIVE.get(p) == Verb.DELETE)) {
            return delete(type);
        }
        if (parts.stream().anyMatch(KnownPrograms.READ_ONLY::contains)) {
            return read(type);
        }
        return update(type);
    }
}
