package dev.interlock.analysis.shell.recognizers.host;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nix's declarative system builders: {@code nixos-rebuild}, {@code darwin-rebuild} (nix-darwin) and
 * {@code home-manager}. Building, dry runs and listing generations only look; {@code switch}, {@code boot},
 * {@code test} and {@code activate} make a new configuration of the whole machine live (services, users, kernel,
 * {@code /etc}), which a previous generation can undo. {@code --target-host} names the machine that changes. A
 * command the table does not know is taken as a change of the whole system.
 */
public final class NixSystems implements Recognizer {

    private static final CommandTable.Act SYSTEM_SWITCH = CommandTable.update("system-configuration").all()
            .note("activates a new configuration of the whole machine: services, users, kernel and /etc change at once");
    private static final CommandTable.Act NEXT_BOOT = CommandTable.update("system-configuration").all()
            .note("makes a new configuration of the whole machine the one it boots into");
    private static final CommandTable.Act LOOKS = CommandTable.read("system-configuration");

    private static final CommandTable SYSTEM = CommandTable.builder()
            .add("", "switch test activate", SYSTEM_SWITCH)
            .add("", "boot", NEXT_BOOT)
            // builds into the store (./result) and dry runs: nothing that runs changes
            .add("", "build dry-build dry-run dry-activate build-vm build-vm-with-bootloader build-image check changelog "
                    + "list-generations repl help", LOOKS)
            .build();

    private static final CommandTable HOME = CommandTable.builder()
            .add("", "switch", CommandTable.update("home-configuration").many()
                    .note("activates a new configuration of the user's home: dotfiles, user services and packages"))
            .add("", "build news generations packages option help instantiate edit", CommandTable.read("home-configuration"))
            // generations are the rollback points: once removed, no earlier configuration can be switched back to
            .add("", "expire-generations remove-generations", CommandTable.delete("home-generations").many()
                    .note("removes earlier home configurations: no rollback to them"))
            .add("", "uninstall", CommandTable.delete("home-configuration").all()
                    .note("removes every file and service home-manager manages for the user"))
            .build();

    private static final Map<String, CommandTable> TABLES = Map.of(
            "nixos-rebuild", SYSTEM, "nixos-rebuild-ng", SYSTEM, "darwin-rebuild", SYSTEM, "home-manager", HOME);

    /** Options that take a value, so that the value is not read as the command. */
    private static final Set<String> VALUED = Set.of("--target-host", "--build-host", "-I", "--flake", "-f", "--file",
            "-A", "--attr", "-p", "--profile-name", "--specialisation", "--max-jobs", "-j", "--cores",
            "--image-variant", "--override-input", "-b");

    @Override
    public Set<String> programs() {
        return TABLES.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean listing = p.has("--list-generations", "--help", "-h", "--version");
        CommandTable.Act act = listing ? LOOKS
                : TABLES.get(inv.program()).find(words).map(CommandTable.Found::act).orElse(SYSTEM_SWITCH);
        String name = p.value("--flake").orElse("");
        Operation.Builder b = act.operation(inv, "os", name);
        if (p.has("--upgrade", "--upgrade-all") && act.verb() != Verb.READ) {
            b.note(act.note() + "; --upgrade first moves its channels to their newest packages");
        }
        Optional<String> target = p.value("--target-host");
        if (target.isPresent() && act.verb() != Verb.READ) {
            // nixos-rebuild switch --target-host root@web-stg-01: the machine that changes is that host
            String host = target.get().substring(target.get().indexOf('@') + 1);
            return List.of(b.locator("host", host).build());
        }
        return List.of(LocalFiles.local(inv, b, "this machine's configuration").build());
    }
}
