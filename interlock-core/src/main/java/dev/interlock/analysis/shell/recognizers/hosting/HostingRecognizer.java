package dev.interlock.analysis.shell.recognizers.hosting;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hosting platforms' and server clouds' CLIs read by their command tables ({@link HerokuCli}, {@link PlatformCommands},
 * {@link ServerClouds}); a command run on an app's machine ({@code heroku run}, {@code fly ssh console -C}) is judged as
 * that command there ({@link AppMachines}). A command no table lists keeps the unfamiliar-CLI reading, which knows these
 * programs' secret printers and preview deployments.
 */
public final class HostingRecognizer implements Recognizer {

    private static final Recognizer OTHER = new UnrecognizedProgram();

    @Override
    public Set<String> programs() {
        return Set.of("heroku", "flyctl", "cf", "cf7", "cf8", "render", "railway", "doctl", "hcloud", "linode-cli", "vultr-cli", "civo");
    }

    /**
     * Fly.io's {@code fly ssh console -C CMD}, for the recognizer that claims {@code fly} (Concourse's CLI has the same
     * name) to ask first; empty for any other command.
     */
    public static Optional<List<Operation>> onAppMachine(Invocation inv, Nested nested) {
        return AppMachines.fly(inv, nested);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().stream().anyMatch(w -> w.equals("--help") || w.equals("-h") || w.equals("help"))) {
            return OTHER.recognize(inv, nested);
        }
        Optional<List<Operation>> known = switch (inv.program()) {
            case "heroku" -> HerokuCli.recognize(inv, nested);
            case "flyctl" -> AppMachines.fly(inv, nested);
            case "doctl", "hcloud", "linode-cli", "vultr-cli", "civo" -> ServerClouds.recognize(inv).map(List::of);
            default -> PlatformCommands.recognize(inv).map(List::of);
        };
        return known.orElseGet(() -> OTHER.recognize(inv, nested));
    }
}
