package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REST APIs of data-pipeline services whose method misleads: checks that only validate what is sent
 * (Kafka Connect's {@code PUT /connector-plugins/P/config/validate}, Flink's {@code /jars/ID/plan}, Schema Registry's
 * {@code POST /compatibility/…}, and likewise Tailscale's {@code POST /api/v2/tailnet/-/acl/validate}), and Airbyte's configuration API, which is all POST
 * ({@code /api/v1/connections/list} reads, {@code …/delete} deletes). The body sent to such a check is its input, not
 * data leaving for good. Everything else is the plain HTTP reading.
 */
final class PipelineApis {

    private PipelineApis() {
    }

    /** Paths that only check or describe what is sent, whatever the method. */
    private static final Pattern DRY_CHECKS = Pattern.compile(
            "/connector-plugins/[^/]+/config/validate/?|/jars/[^/]+/plan/?|/compatibility/subjects/[^/]+(/versions/[^/]+)?/?"
                    // Tailscale's policy file checked (its tests run) or previewed for one user or address; nothing is saved
                    + "|/api/v2/tailnet/[^/]+/acl/(validate|preview)/?");
    /** Airbyte's configuration API: {@code /api/v1/NOUN/ACTION}. */
    private static final Pattern AIRBYTE = Pattern.compile("/api/v1/([a-z_]+)/([a-z_]+)/?");
    /** Airbyte configuration API actions → what they do; unlisted ones change the object. */
    private static final Map<String, Verb> AIRBYTE_ACTIONS = Map.ofEntries(
            Map.entry("list", Verb.READ), Map.entry("list_all", Verb.READ), Map.entry("list_paginated", Verb.READ),
            Map.entry("list_latest", Verb.READ), Map.entry("get", Verb.READ), Map.entry("search", Verb.READ),
            Map.entry("get_debug_info", Verb.READ), Map.entry("get_state", Verb.READ), Map.entry("get_catalog", Verb.READ),
            Map.entry("check_connection", Verb.READ), Map.entry("check_connection_for_update", Verb.READ),
            Map.entry("discover_schema", Verb.READ), Map.entry("get_by_slug", Verb.READ), Map.entry("health", Verb.READ),
            Map.entry("create", Verb.CREATE), Map.entry("clone", Verb.CREATE), Map.entry("sync", Verb.EXECUTE),
            Map.entry("delete", Verb.DELETE), Map.entry("reset", Verb.DELETE), Map.entry("clear", Verb.DELETE),
            Map.entry("cancel", Verb.UPDATE));

    static Optional<List<Operation>> of(Invocation inv, String url) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        if (DRY_CHECKS.matcher(path).matches()) {
            return Optional.of(List.of(Operation.builder("http", Verb.READ).resource("endpoint", path).locator("host", host)
                    .evidence(inv.evidence()).note("a validation check: it changes nothing on " + host).build()));
        }
        Matcher airbyte = AIRBYTE.matcher(path);
        if (airbyte.matches() && (host.toLowerCase(Locale.ROOT).contains("airbyte") || Regex.find(url, "://[^/]*:800[016]/"))) {
            Verb verb = AIRBYTE_ACTIONS.getOrDefault(airbyte.group(2), Verb.UPDATE);
            Operation.Builder b = Operation.builder("airbyte", verb).resource(airbyte.group(1).replaceFirst("s$", ""), path)
                    .locator("host", host).evidence(inv.evidence());
            if (verb == Verb.DELETE) {
                b.stateful(true).note(airbyte.group(2).equals("delete") ? "deletes the " + airbyte.group(1).replaceFirst("s$", "")
                        : "clears the data synced to the destination");
            }
            return Optional.of(List.of(b.build()));
        }
        return Optional.empty();
    }
}
