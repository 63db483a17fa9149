package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code awscurl} is curl that signs its request with SigV4 for an AWS service's REST API (HealthLake's FHIR endpoint,
 * OpenSearch, API Gateway): what the request does is judged as curl's is (a GET reads), and the profile it signs with
 * places it when the endpoint's host does not.
 */
final class AwsCurl {

    private AwsCurl() {
    }

    /** curl's valued options and awscurl's own: the service, region, profile and the keys it signs with. */
    static final Set<String> VALUED = valued();

    private static Set<String> valued() {
        Set<String> all = new HashSet<>(NetworkRecognizer.CURL_VALUED);
        all.addAll(Set.of("--service", "--region", "--profile", "--access_key", "--secret_key", "--security_token",
                "--session_token"));
        return Set.copyOf(all);
    }

    static List<Operation> signed(Invocation inv, List<Operation> ops) {
        Optional<String> profile = inv.parse(VALUED).value("--profile")
                .or(() -> Optional.ofNullable(inv.env().get("AWS_PROFILE")));
        if (profile.isEmpty()) {
            return ops;
        }
        return ops.stream().map(o -> o.resource().locators().containsKey("profile") ? o
                : o.toBuilder().locator("profile", profile.get()).build()).toList();
    }
}
