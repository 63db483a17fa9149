package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nix profiles ({@code nix profile …}, {@code nix-env}): the packages a user has installed, kept as generations.
 * Installing, upgrading or removing one ({@code nix profile remove ripgrep}, {@code nix-env -e ripgrep}) makes a new
 * generation and {@code nix profile rollback} brings the last one back, so it is as local and reversible as
 * {@code brew uninstall}; every package at once ({@code --all}, the regex {@code '.*'}) is scope all. Dropping old
 * generations ({@code wipe-history}, {@code --delete-generations}) loses the way back. A profile shared by the
 * machine ({@code --profile /nix/var/nix/profiles/default}) is everyone's software. Other nix commands (build, run,
 * flakes) are judged by their words; {@code nix develop -c} and {@code nix-shell --run} are unwrapped before this.
 */
public final class Nix implements Recognizer {

    private static final String GENERATIONS = "generations";

    private static final CommandTable PROFILE = CommandTable.builder()
            .add("profile", "list history diff-closures", read("profile"))
            .add("profile", "install add upgrade rollback", update("profile"))
            .add("profile", "remove", delete("profile").note("removes packages from the profile; nix profile rollback restores them"))
            .add("profile", "wipe-history", delete(GENERATIONS).note("deletes the profile's old generations: no rollback past them"))
            .build();

    /** nix-env's operation is its first option (bundled: {@code -iA}, {@code -qaP}); these only look. */
    private static final Set<String> ENV_READS = Set.of("-q", "--query", "--list-generations", "--version", "--help");
    private static final Set<String> ENV_REMOVES = Set.of("-e", "--uninstall");
    private static final Set<String> ENV_CHANGES = Set.of("-i", "-u", "-G", "-S", "--install", "--upgrade", "--rollback",
            "--switch-generation", "--set", "--set-flag", "--switch-profile");
    private static final Set<String> ENV_DROPS = Set.of("--delete-generations");
    private static final Set<String> VALUED = Set.of("-p", "--profile", "-f", "--file", "-A", "--attr", "-I", "--option",
            "--arg", "--argstr", "--priority", "--max-jobs", "-j", "--cores");

    @Override
    public Set<String> programs() {
        return Set.of("nix", "nix-env");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        Optional<CommandTable.Found> found = inv.program().equals("nix") ? PROFILE.find(words)
                : nixEnv(inv.words()).map(act -> new CommandTable.Found("", act, 0));
        if (found.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Act act = found.get().act();
        List<String> packages = words.subList(Math.min(found.get().words(), words.size()), words.size());
        boolean shared = p.value("-p", "--profile").filter(Nix::sharedProfile).isPresent();
        boolean everything = p.has("--all") || packages.stream().anyMatch(w -> w.equals(".*") || w.equals("*"));
        Operation.Builder b = Operation.builder("nix", act.verb()).resource(act.type(), String.join(" ", packages))
                .scope(everything ? Scope.ALL : packages.size() > 1 || shared ? Scope.MANY : Scope.ONE)
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (act.verb() != Verb.READ) {
            // a change makes a new generation and the previous one stays, until the history itself is deleted
            boolean history = act.type().equals(GENERATIONS);
            b.stateful(history).reversible(!history && !shared);
        }
        if (!act.note().isEmpty()) {
            b.note(act.note());
        }
        return List.of(LocalFiles.local(inv, b, shared ? "the machine's shared Nix profile" : "the user's Nix profile").build());
    }

    /** nix-env's operation: remove, drop generations, query, or (install, upgrade, rollback, set) a profile change. */
    private static Optional<Act> nixEnv(List<String> words) {
        for (String w : words) {
            if (!w.startsWith("-")) {
                continue;
            }
            String op = w.startsWith("--") ? w : w.substring(0, Math.min(2, w.length()));
            if (ENV_REMOVES.contains(op)) {
                return Optional.of(delete("profile").note("removes packages from the profile; nix-env --rollback restores them"));
            }
            if (ENV_DROPS.contains(op)) {
                return Optional.of(delete(GENERATIONS).note("deletes the profile's old generations: no rollback past them"));
            }
            if (ENV_READS.contains(op)) {
                return Optional.of(read("profile"));
            }
            if (ENV_CHANGES.contains(op)) {
                return Optional.of(update("profile"));
            }
        }
        return Optional.empty();
    }

    /** A profile outside the user's own: the machine's default or system profile, shared by every user. */
    private static boolean sharedProfile(String path) {
        return path.startsWith("/nix/var/nix/profiles/") && !path.startsWith("/nix/var/nix/profiles/per-user/");
    }
}
