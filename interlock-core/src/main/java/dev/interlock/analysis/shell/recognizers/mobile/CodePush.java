package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * App Center CodePush ({@code appcenter codepush …}): over-the-air updates of a mobile app's JavaScript bundle. A
 * release, promotion, patch or rollback changes what every user of the target deployment runs on their next start,
 * so the deployment's name ({@code Production}, {@code Staging}) is the environment; clearing or removing a deployment
 * loses its release history. History and listings only read. Other {@code appcenter} commands are judged like any
 * unfamiliar CLI.
 */
public final class CodePush implements Recognizer {

    private static final Set<String> VALUED = Set.of("-a", "--app", "-d", "--deployment-name", "-s", "--source-deployment-name",
            "--destination-deployment-name", "-r", "--rollout", "-l", "--label", "-t", "--target-binary-version",
            "--description", "--des", "--token", "-o", "--output-dir", "-b", "--bundle-name", "-e", "--entry-file",
            "--plist-file", "--plist-file-prefix", "-p", "--private-key-path", "-c", "--update-contents-path",
            "--target-release", "--sourcemap-output", "--sourcemap-output-dir", "--build-configuration-name",
            "--gradle-file", "--extra-bundler-option", "--extra-hermes-flag", "--env", "--output");
    /** Commands that ship a bundle to the deployment named by {@code -d} (Staging when none is named). */
    private static final Set<String> RELEASES = Set.of("release", "release-react", "release-cordova", "release-electron", "promote");
    /** Commands that change the release running in the deployment named by their next positional. */
    private static final Set<String> CHANGES = Set.of("rollback", "patch");
    /** {@code codepush deployment …} subcommands and what they do to the deployment. */
    private static final Map<String, Verb> DEPLOYMENT = Map.of("list", Verb.READ, "ls", Verb.READ, "history", Verb.READ,
            "h", Verb.READ, "add", Verb.CREATE, "rename", Verb.UPDATE, "clear", Verb.DELETE, "remove", Verb.DELETE,
            "rm", Verb.DELETE);

    @Override
    public Set<String> programs() {
        return Set.of("appcenter");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String sub = words.size() > 1 ? words.get(1) : "";
        if (words.isEmpty() || !words.getFirst().equals("codepush") || p.has("--help", "-h")) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String app = p.value("-a", "--app").orElse("");
        if (RELEASES.contains(sub)) {
            String deployment = p.value("-d", "--deployment-name", "--destination-deployment-name").orElse("Staging");
            return List.of(op(inv, Verb.UPDATE, app, deployment, "codepush " + sub + " ships a bundle to every user of " + deployment));
        }
        if (CHANGES.contains(sub) && words.size() > 2) {
            return List.of(op(inv, Verb.UPDATE, app, words.get(2), "codepush " + sub + " changes the release every user of "
                    + words.get(2) + " runs"));
        }
        Verb verb = sub.equals("deployment") && words.size() > 2 ? DEPLOYMENT.get(words.get(2)) : null;
        if (verb == null) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String deployment = words.size() > 3 ? words.get(3) : "";
        Operation o = op(inv, verb, app, deployment, "codepush deployment " + words.get(2)
                + (verb == Verb.DELETE ? " loses the deployment's release history" : ""));
        return List.of(verb == Verb.DELETE ? o.toBuilder().stateful(true).reversible(false).build() : o);
    }

    private static Operation op(Invocation inv, Verb verb, String app, String deployment, String note) {
        Operation.Builder b = Operation.builder("codepush", verb).resource("deployment", deployment).confidence(Confidence.INFERRED)
                .evidence(inv.evidence());
        if (!deployment.isEmpty()) {
            b.locator("environment", deployment);
        }
        if (!app.isEmpty()) {
            b.locator("app", app);
        }
        return (verb == Verb.READ ? b : b.note(note)).build();
    }
}
