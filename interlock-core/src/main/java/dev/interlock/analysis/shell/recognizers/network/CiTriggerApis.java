package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.ci.CiRuns;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI systems' REST calls that start a pipeline or build: CircleCI's {@code POST /api/v2/project/SLUG/pipeline},
 * Buildkite's {@code POST /v2/organizations/ORG/pipelines/P/builds}, and Jenkins' {@code /job/NAME/build} and
 * {@code /job/NAME/buildWithParameters?ENVIRONMENT=production}, which a plain GET (a link, a browser) triggers too. The body says where the run lands, as the CLIs'
 * flags do ({@link CiRuns}): a feature branch's tests are routine; a shipping branch, a tag, or parameters that deploy
 * or name production are not. Jenkins' script console ({@code /scriptText}, {@code /script}) runs Groovy on the controller.
 */
final class CiTriggerApis {

    private CiTriggerApis() {
    }

    private static final Pattern CIRCLECI = Pattern.compile("/api/v2/project/([^/]+/[^/]+/[^/]+)/pipeline(/run)?/?");
    private static final Pattern BUILDKITE = Pattern.compile("/v2/organizations/([^/]+)/pipelines/([^/]+)/builds/?");
    private static final Pattern BRANCH = Pattern.compile("\"branch\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JENKINS = Pattern.compile("((?:/job/[^/]+)+)/(build|buildWithParameters)/?");
    private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"[^\"]+\"");

    /** Jenkins' script console, under the root or a node ({@code /computer/NAME/scriptText}). */
    private static final Pattern JENKINS_SCRIPT = Pattern.compile("(?:/computer/[^/]+)?/(scriptText|script)/?");
    /** A Groovy script that decrypts or looks up stored credentials. */
    private static final Pattern CREDENTIAL_LOOKUP = Pattern.compile(
            "(?i)Secret\\.(decrypt|fromString)|CredentialsProvider|SystemCredentialsProvider|credentials\\s*\\(|getPlainText|"
                    + "getPassword|getSecret|getPrivateKey|com\\.cloudbees\\.plugins\\.credentials");

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        Matcher script = JENKINS_SCRIPT.matcher(path);
        if (script.matches() && (script.group(1).equals("scriptText") || !body.isEmpty() || method.equalsIgnoreCase("POST"))) {
            return Optional.of(List.of(scriptConsole(inv, host, url, body)));
        }
        Matcher jenkins = JENKINS.matcher(path);
        if (jenkins.matches() && !method.equalsIgnoreCase("DELETE")) {
            return Optional.of(List.of(jenkins(inv, host, jenkins.group(1).replace("/job/", "/").substring(1), url, body)));
        }
        if (!method.equalsIgnoreCase("POST")) {
            return Optional.empty();
        }
        Matcher circle = CIRCLECI.matcher(path);
        Matcher buildkite = BUILDKITE.matcher(path);
        String system;
        String pipeline;
        if (circle.matches() && host.contains("circleci")) {
            system = "circleci";
            pipeline = circle.group(1);
        } else if (buildkite.matches() && host.contains("buildkite")) {
            system = "buildkite";
            pipeline = buildkite.group(1) + "/" + buildkite.group(2);
        } else {
            return Optional.empty();
        }
        String sent = String.join(" ", body);
        Matcher branch = BRANCH.matcher(sent);
        Operation.Builder b = Operation.builder(system, Verb.EXECUTE).resource("pipeline", pipeline).locator("host", host)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("starts a pipeline of " + pipeline + " with the secrets its jobs are given");
        CiRuns.place(b, body, branch.find() ? Optional.of(branch.group(1)) : Optional.empty(), TAG.matcher(sent).find());
        return Optional.of(List.of(b.build()));
    }

    /**
     * Groovy run by the script console: code on the controller with every credential it holds, and a credential read
     * when the script decrypts or looks one up ({@code jenkins-cli groovy}'s twin).
     */
    private static Operation scriptConsole(Invocation inv, String host, String url, List<String> body) {
        boolean credential = CREDENTIAL_LOOKUP.matcher(url + " " + String.join(" ", body)).find();
        return Operation.builder("jenkins", credential ? Verb.CREDENTIAL : Verb.EXECUTE).resource("controller", host)
                .locator("host", host).confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(credential ? "runs Groovy on the Jenkins controller that decrypts or looks up stored credentials"
                        : "runs a Groovy script on the Jenkins controller: code with every credential and admin right it holds")
                .build();
    }

    /** A Jenkins job started: its parameters (query string or form body) and its name say where the run lands. */
    private static Operation jenkins(Invocation inv, String host, String job, String url, List<String> body) {
        List<String> operands = new java.util.ArrayList<>(List.of(job.split("/")));
        int q = url.indexOf('?');
        if (q >= 0) {
            operands.addAll(List.of(url.substring(q + 1).split("&")));
        }
        body.forEach(b -> operands.addAll(List.of(b.split("&"))));
        Operation.Builder b = Operation.builder("jenkins", Verb.EXECUTE).resource("pipeline", job).locator("host", host)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("starts Jenkins job " + job + " with the secrets its build is given");
        return CiRuns.place(b, operands, Optional.empty(), false).build();
    }
}
