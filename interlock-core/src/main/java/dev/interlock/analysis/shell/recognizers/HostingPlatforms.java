package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hosting platforms' CLIs (heroku, netlify, railway, fly, vercel, …), which no recognizer of their own claims: the
 * words that print an app's secrets are credential reads, the words that change the app are updates of an app hosted
 * elsewhere (placed by its name, the {@code app} locator), and the rest is judged like any unfamiliar CLI.
 */
final class HostingPlatforms {

    private HostingPlatforms() {
    }

    /** Hosting platforms' CLIs: what they change is an app running elsewhere, not this machine. */
    static final Set<String> PROGRAMS = Set.of("heroku", "netlify", "railway", "fly", "flyctl", "vercel", "render", "dokku",
            "cf", "firebase", "amplify", "eb", "wrangler", "doctl", "caprover", "deployctl");
    /** Words after a change word that only show it ({@code fly scale show}). */
    private static final Set<String> LOOKS = Set.of("show", "list", "ls", "status", "get", "history", "info");
    /** Word parts that change a hosted app: its settings, its scale, its running release. */
    private static final Set<String> CHANGES = Set.of("set", "unset", "add", "rm", "remove", "import", "put", "scale",
            "restart", "stop", "kill", "rollback", "promote", "redeploy", "up", "deploy", "push", "enable", "disable",
            "update", "attach", "detach", "on", "off", "clone");

    /**
     * Hosting platforms' words that print an app's secret values (its environment variables): {@code netlify env:list},
     * {@code heroku config}, {@code railway variables}. Unless a write flag ({@code --set}) makes them a change.
     */
    private static final Map<String, Set<String>> SECRET_PRINTERS = Map.of(
            "netlify", Set.of("env:list", "env:get"),
            "heroku", Set.of("config", "config:get", "auth:token", "pg:credentials:url", "redis:credentials"),
            "railway", Set.of("variables", "variable", "vars"),
            "firebase", Set.of("functions:config:get", "functions:secrets:access", "apphosting:secrets:access"),
            "cf", Set.of("env"),
            "dokku", Set.of("config", "config:show", "config:get", "config:export"),
            "render", Set.of("env"));

    /**
     * What a hosting CLI's words do, when they print secrets or change the app; empty for the rest. {@code words} are
     * the first positionals and flag names as {@link UnrecognizedProgram} reads them, {@code wordAt} says which are flags.
     */
    static Optional<Operation> recognize(Invocation inv, List<String> words, List<int[]> wordAt, Map<String, String> locators) {
        if (inv.program().equals("netlify") && words.size() > 1 && words.getFirst().equals("api") && wordAt.get(1)[1] == 0) {
            return Optional.of(api(inv, words.get(1), locators));
        }
        if (!words.isEmpty() && wordAt.getFirst()[1] == 0 && Set.of("releases", "releases:info", "releases:output").contains(words.getFirst())) {
            // heroku releases: the history of what was deployed
            Operation.Builder b = Operation.builder(inv.program(), Verb.READ).resource("releases", "").evidence(inv.evidence());
            locators.forEach(b::locator);
            return Optional.of(b.build());
        }
        if (inv.program().equals("firebase") && words.size() > 1 && words.getFirst().equals("firestore:delete")) {
            Optional<Operation> one = firestoreDocument(inv, words.get(1), locators);
            if (one.isPresent()) {
                return one;
            }
        }
        Set<String> printers = SECRET_PRINTERS.getOrDefault(inv.program(), Set.of());
        for (int k = 0; k < words.size(); k++) {
            if (wordAt.get(k)[1] == 0) {
                if (printers.contains(words.get(k)) && inv.words().stream().noneMatch(w -> w.startsWith("--set") || w.equals("-s")
                        || w.startsWith("--unset"))) {
                    Operation.Builder b = Operation.builder(inv.program(), Verb.CREDENTIAL).resource("secrets", inv.program())
                            .confidence(Confidence.INFERRED).evidence(inv.evidence())
                            .note(inv.program() + " " + words.get(k) + " prints the app's secret values");
                    locators.forEach(b::locator);
                    return Optional.of(b.build());
                }
                break;
            }
        }
        return change(inv, words, wordAt, locators);
    }

    /**
     * {@code firebase firestore:delete users/abc123}: one document (a path of collection/id pairs), as a MongoDB
     * {@code deleteOne} is; with {@code -r}/{@code --recursive}, {@code --all-collections} or a collection's path it is
     * judged as before, a destructive command of the project.
     */
    private static Optional<Operation> firestoreDocument(Invocation inv, String path, Map<String, String> locators) {
        String[] segments = Regex.split(Regex.replaceAll(path, "^/+|/+$", ""), "/+");
        if (path.startsWith("-") || segments.length % 2 != 0 || inv.words().stream().anyMatch(w -> w.equals("-r")
                || w.equals("--recursive") || w.equals("--all-collections") || w.equals("--shallow"))) {
            return Optional.empty();
        }
        Operation.Builder b = Operation.builder("database", Verb.DELETE).resource("document", path)
                .scope(dev.interlock.model.Scope.ONE).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note("firebase firestore:delete deletes the document " + path);
        locators.forEach(b::locator);
        if (!locators.containsKey("project")) {
            inv.parse(Set.of("-P", "--project")).value("-P", "--project").ifPresent(project -> b.locator("project", project));
        }
        return Optional.of(b.build());
    }

    /**
     * {@code netlify api METHOD}: a call of Netlify's API by its operation's name. {@code get…}/{@code list…} read
     * (environment variables' values are secrets), {@code delete…} deletes, anything else ({@code restoreSiteDeploy},
     * {@code updateSite}) changes a site.
     */
    private static Operation api(Invocation inv, String method, Map<String, String> locators) {
        String action = Regex.replaceFirst(method, "[A-Z].*", "");
        boolean looks = Set.of("get", "list", "show").contains(action);
        Verb verb = looks && method.contains("EnvVar") ? Verb.CREDENTIAL : looks ? Verb.READ
                : action.equals("delete") ? Verb.DELETE : Verb.UPDATE;
        Operation.Builder b = Operation.builder(inv.program(), verb).resource("api", method).confidence(Confidence.INFERRED)
                .evidence(inv.evidence());
        if (verb != Verb.READ) {
            b.note("netlify api " + method + (verb == Verb.CREDENTIAL ? " prints environment variables' values" : " changes a site"));
        }
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        locators.forEach(b::locator);
        return b.build();
    }

    /**
     * {@code heroku config:set X=1 -a shop}, {@code fly scale count 0}, {@code railway variables --set}: a change to an
     * app hosted elsewhere, in the environment its app or flags name (unknown otherwise), never this machine. Previews
     * and local copies are placed afterwards ({@link HostingTargets}).
     */
    private static Optional<Operation> change(Invocation inv, List<String> words, List<int[]> wordAt, Map<String, String> locators) {
        for (int k = 0; k < words.size() && k < 3; k++) {
            String word = words.get(k);
            boolean positional = wordAt.get(k)[1] == 0;
            List<String> parts = CommandWords.parts(word);
            boolean changes = parts.stream().skip(positional && parts.size() > 1 ? 1 : 0).anyMatch(CHANGES::contains);
            if (!changes || !positional && !(word.equals("set") || word.equals("unset"))) {
                continue;
            }
            if (k + 1 < words.size() && wordAt.get(k + 1)[1] == 0 && LOOKS.contains(words.get(k + 1))) {
                return Optional.empty(); // fly scale show, heroku releases list: the change word names what is shown
            }
            String app = inv.parse(Set.of("-a", "--app", "--site", "-s", "-n")).value("-a", "--app", "--site").orElse(locators.getOrDefault("app", ""));
            if (app.isEmpty() && inv.program().equals("dokku") && k + 1 < words.size() && wordAt.get(k + 1)[1] == 0) {
                app = words.get(k + 1); // dokku ps:restart APP: the app is the word after the command
            }
            Operation.Builder b = Operation.builder(inv.program(), Verb.UPDATE).resource("app", app)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("'" + word + "' changes an app hosted on " + inv.program() + ", not this machine");
            locators.forEach(b::locator);
            if (!app.isEmpty()) {
                b.locator("app", app);
            }
            return Optional.of(b.build());
        }
        return Optional.empty();
    }

}
