package dev.interlock.analysis.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Programs that run a command with secrets loaded into its environment ({@code doppler run --config prd -- …},
 * {@code infisical run --env=prod -- …}, {@code op run --env-file=.env.prod -- …}, {@code dotenv -e .env.production
 * -- …}), and Procfile runners that run one command with the app's env file ({@code honcho run}, {@code foreman run},
 * {@code overmind run}, {@code heroku local:run}). The command is judged like any wrapped command; when the injector names a config, an environment or an env
 * file, that name is where the command's effects land: the secrets it is given are that environment's.
 *
 * @param subcommand   the word that starts a run ({@code run}, {@code exec}), or empty when the program only wraps;
 *                     options may come before it ({@code honcho -e .env.prod run …})
 * @param valued       options that take a value
 * @param environment  options whose value names the environment or config
 * @param envFile      options whose value is an env file ({@code .env.production} names production)
 * @param variables    environment variables the injector itself reads for its config (chamber: the AWS profile)
 * @param command      an option whose value is the command line to run ({@code doppler run --command "…"})
 */
record SecretInjectors(String subcommand, Set<String> valued, Set<String> environment, Set<String> envFile,
                       List<String> variables, String command) {

    /** {@code chamber exec SERVICE… -- CMD}: operands come before the command, so only {@code --} separates them. */
    boolean operandsFirst() {
        return subcommand.equals("exec");
    }

    static final Map<String, SecretInjectors> TABLE = Map.ofEntries(
            Map.entry("doppler", new SecretInjectors("run", Set.of("-p", "--project", "-c", "--config", "--token", "--command",
                    "--fallback", "--name-transformer", "--mount", "--mount-format", "--mount-template", "--scope"),
                    Set.of("-c", "--config"), Set.of(), List.of("DOPPLER_CONFIG", "DOPPLER_ENVIRONMENT"), "--command")),
            Map.entry("infisical", new SecretInjectors("run", Set.of("--env", "--path", "--projectId", "--token", "--command",
                    "--domain", "--tags"), Set.of("--env"), Set.of(), List.of(), "--command")),
            Map.entry("op", new SecretInjectors("run", Set.of("--env-file", "--account"), Set.of(), Set.of("--env-file"), List.of(), "")),
            Map.entry("dotenv", new SecretInjectors("", Set.of("-e", "-v", "-c"), Set.of("-c"), Set.of("-e"), List.of(), "")),
            Map.entry("dotenvx", new SecretInjectors("run", Set.of("-f", "--env-file", "-e", "--env", "--convention"),
                    Set.of("--convention"), Set.of("-f", "--env-file"), List.of(), "")),
            Map.entry("env-cmd", new SecretInjectors("", Set.of("-f", "--file", "-e", "--environments", "-r", "--rc-file"),
                    Set.of("-e", "--environments"), Set.of("-f", "--file"), List.of(), "")),
            // chamber reads SSM Parameter Store (or Secrets Manager) of the AWS account its profile logs in to
            Map.entry("chamber", new SecretInjectors("exec", Set.of("-b", "--backend", "-r", "--retries", "--kms-key-alias"), Set.of(), Set.of(),
                    List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_VAULT"), "")),
            Map.entry("bws", new SecretInjectors("run", Set.of("-t", "--access-token", "--project-id", "--shell"), Set.of(), Set.of(), List.of(), "")),
            Map.entry("berglas", new SecretInjectors("exec", Set.of("--local"), Set.of(), Set.of(), List.of(), "")),
            // Procfile runners run one command with the app's env file loaded (.env unless -e names another), as the
            // processes they start would run: honcho run python manage.py flush reaches the DATABASE_URL it is given
            Map.entry("honcho", new SecretInjectors("run", Set.of("-e", "--env", "-d", "--app-root", "-f", "--procfile"),
                    Set.of(), Set.of("-e", "--env"), List.of(), "")),
            Map.entry("foreman", new SecretInjectors("run", Set.of("-e", "--env", "-d", "--root", "-f", "--procfile"),
                    Set.of(), Set.of("-e", "--env"), List.of(), "")),
            Map.entry("overmind", new SecretInjectors("run", Set.of("-s", "--socket", "-f", "--procfile", "-d", "--root"),
                    Set.of(), Set.of(), List.of(), "")),
            Map.entry("heroku", new SecretInjectors("local:run", Set.of("-e", "--env", "-p", "--port"),
                    Set.of(), Set.of("-e", "--env"), List.of(), "")));

    /** The environment an injector's options, env file or own variables name, if any. */
    Optional<String> environmentOf(ParsedArgs options, Map<String, String> env) {
        Optional<String> named = environment.isEmpty() ? Optional.empty() : options.value(environment.toArray(String[]::new));
        if (named.isEmpty() && !envFile.isEmpty()) {
            named = options.value(envFile.toArray(String[]::new)).flatMap(SecretInjectors::fromEnvFile);
        }
        if (named.isEmpty() && operandsFirst()) {
            // chamber exec payments-prod -- …: a service named for an environment holds that environment's secrets
            named = options.positionals().stream().map(Arg::value)
                    .filter(dev.interlock.analysis.shell.recognizers.DeploymentWords::named).findFirst();
        }
        for (String variable : variables) {
            if (named.isEmpty() && env.containsKey(variable) && !env.get(variable).isBlank()) {
                named = Optional.of(env.get(variable));
            }
        }
        return named;
    }

    /** {@code .env.production} → production, {@code config/prod.env} → prod; a plain {@code .env} names nothing. */
    static Optional<String> fromEnvFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String stem = name.startsWith(".env.") ? name.substring(5) : name.endsWith(".env") ? name.substring(0, name.length() - 4) : "";
        stem = stem.endsWith(".local") ? stem.substring(0, stem.length() - 6) : stem;
        return stem.isBlank() || stem.equals("example") || stem.equals("sample") ? Optional.empty() : Optional.of(stem);
    }
}
