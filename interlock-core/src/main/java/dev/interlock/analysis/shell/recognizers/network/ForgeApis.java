package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.vcs.ForgeRoutes;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code forge's REST API called with curl or wget rather than its CLI: GitHub ({@code api.github.com}, Enterprise's
 * {@code /api/v3}), GitLab ({@code /api/v4/projects}), Gitea and Forgejo ({@code /api/v1/repos}), Bitbucket Cloud
 * ({@code /2.0/repositories}). The routes are judged as {@code gh api} judges them ({@link ForgeRoutes}).
 */
final class ForgeApis {

    /** The forge by its API's path (or GitHub's and Bitbucket's API hosts). */
    private static final Pattern FORGE = Pattern.compile(
            "^(?:https?://)?(?:[^/@]*@)?(?:(api\\.github\\.com)(?::\\d+)?/|(api\\.bitbucket\\.org)(?::\\d+)?/2\\.0/|[^/]+/(?:.*/)?(?:(api/v3/)|(api/v4/)|(api/v1/)|(2\\.0/)))(?:(?:repos|projects|repositories|groups)/|admin/ci/variables)");
    private static final List<String> SYSTEMS = List.of("github", "bitbucket", "github", "gitlab", "gitea", "bitbucket");

    private ForgeApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        Matcher m = FORGE.matcher(url);
        if (!m.find()) {
            return Optional.empty();
        }
        String system = "";
        for (int g = 1; g <= SYSTEMS.size() && system.isEmpty(); g++) {
            system = m.group(g) != null ? SYSTEMS.get(g - 1) : "";
        }
        // curl -d without -X posts
        String verb = method.isEmpty() && !body.isEmpty() ? "POST" : method;
        String host = Hosts.of(url);
        return ForgeRoutes.of(system, verb, NetworkRecognizer.path(url), String.join(" ", body), inv.evidence())
                .map(b -> List.of(b.locator("host", host).build()));
    }
}
