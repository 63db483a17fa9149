package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wrappers that run their command with an environment's credentials: {@code doppler run}, {@code infisical run},
 * {@code op run}, {@code dotenv -e}, {@code chamber exec}, Procfile runners such as {@code honcho run} (see
 * {@link SecretInjectors}) and {@code aws-vault exec}. What the command reaches is that environment's.
 */
final class SecretWrappers {

    private final SimpleCommands commands;
    private final ShellWalk walk;

    SecretWrappers(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    /**
     * {@code doppler run --config prd -- CMD}: the command runs with that environment's secrets, so what it reaches
     * (databases, clouds, scripts whose effect is unknown) is that environment's; the files it touches stay on this
     * machine. Without a run word or a command the program is judged by its recognizer.
     */
    boolean injected(SecretInjectors injector, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> rest = args;
        List<Arg> leading = List.of();
        if (!injector.subcommand().isEmpty()) {
            int at = 0;
            while (at < args.size() && args.get(at).value().startsWith("-") && !args.get(at).value().equals("--")) {
                at += injector.valued().contains(args.get(at).value()) ? 2 : 1;
            }
            if (at >= args.size() || !args.get(at).value().equals(injector.subcommand())) {
                return false;
            }
            leading = args.subList(0, at);
            rest = args.subList(at + 1, args.size());
        }
        int dash = Unwrapper.indexOf(rest, "--");
        if (dash < 0 && injector.operandsFirst()) {
            return false;
        }
        List<Arg> inner = dash >= 0 ? rest.subList(dash + 1, rest.size()) : Unwrapper.afterOptions(rest, injector.valued(), 0);
        List<Arg> given = new java.util.ArrayList<>(leading);
        given.addAll(rest.subList(0, dash >= 0 ? dash : rest.size() - inner.size()));
        ParsedArgs options = ParsedArgs.parse(given, injector.valued());
        Optional<String> line = injector.command().isEmpty() ? Optional.empty() : options.value(injector.command());
        if (inner.isEmpty() && line.isEmpty()) {
            return false;
        }
        Optional<String> environment = injector.environmentOf(options, run.env());
        // what the recognizers read as a named environment (DEPLOY_ENV=prod psql …), for the tools that honour it
        SimpleCommands.Run within = environment.map(e -> run.withEnv(Map.of("DEPLOY_ENV", e))).orElse(run);
        int before = walk.operations.size();
        if (line.isPresent()) {
            walk.nested(line.get(), run.evidence(), run.locators());
        } else {
            commands.dispatch(within.inner(inner));
        }
        withSecretsOf(before, environment);
        return true;
    }

    /** The operations found since {@code before} ran with {@code environment}'s secrets, when it is known. */
    private void withSecretsOf(int before, Optional<String> environment) {
        environment.ifPresent(name -> walk.operations.subList(Math.min(before, walk.operations.size()), walk.operations.size())
                .replaceAll(op -> withSecretsOf(op, name)));
    }

    /**
     * Code run with an environment's secrets acts there: a script or program whose effect is unknown, and anything
     * that names no environment itself. Files stay on this machine.
     */
    private static Operation withSecretsOf(Operation op, String environment) {
        boolean local = op.environment() == Tier.LOCAL;
        if (op.system().equals("filesystem") || local && !op.system().equals("process")) {
            return op;
        }
        Operation.Builder b = op.toBuilder();
        if (op.resource().locator("environment").isEmpty()) {
            b.locator("environment", environment);
        }
        return b
                .environment(local ? Tier.UNKNOWN : op.environment(), local ? "" : op.environmentSource()).build();
    }

    /**
     * {@code sops exec-env secrets/dev.enc.env 'npm test'}: the command line runs in a shell given the file's decrypted
     * values, so it is judged as that command, acting where the file's name places it ({@code exec-file} hands the
     * command the decrypted file itself and stays a secret read).
     */
    boolean sopsExecEnv(List<Arg> args, SimpleCommands.Run run) {
        List<String> words = ParsedArgs.parse(args, Set.of("--input-type", "--output-type", "--user", "--filename")).words();
        if (words.size() != 3 || !words.getFirst().equals("exec-env")) {
            return false;
        }
        String file = words.get(1);
        Optional<String> environment = Optional.of(dev.interlock.analysis.shell.recognizers.DeploymentWords.tierOfName(file))
                .filter(name -> !name.isEmpty());
        int before = walk.operations.size();
        walk.nestedChild(words.get(2), run.evidence(), run.locators(),
                environment.map(e -> Map.of("DEPLOY_ENV", e)).orElse(Map.of()));
        withSecretsOf(before, environment);
        return true;
    }

    boolean awsVault(List<Arg> args, SimpleCommands.Run run) {
        int dash = Unwrapper.indexOf(args, "--");
        if (args.size() < 2 || !args.getFirst().value().equals("exec") || dash < 0) {
            return false;
        }
        ParsedArgs opts = ParsedArgs.parse(args.subList(1, dash), Set.of("-d", "--duration", "-t", "--mfa-token", "--region"));
        Map<String, String> env = new HashMap<>();
        opts.positional(0).ifPresent(p -> env.put("AWS_PROFILE", p));
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())).withEnv(env));
        return true;
    }
}
