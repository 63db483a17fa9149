package dev.interlock.analysis.shell.recognizers.dns;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * external-dns run by hand ({@code --once}) or as a controller from a shell: it writes the records its sources ask for
 * into the DNS provider. With its default policy, {@code sync}, it also deletes the records it thinks it owns and no
 * longer sees; {@code upsert-only} and {@code create-only} only add and change. {@code --dry-run} only reports. Where
 * is the provider's account: {@code --aws-profile}/{@code AWS_PROFILE}, {@code --google-project},
 * {@code --azure-resource-group}/{@code --azure-subscription-id}; with none, unknown.
 */
public final class ExternalDns implements Recognizer {

    private static final Set<String> VALUED = Set.of("--provider", "--policy", "--registry", "--txt-owner-id", "--txt-prefix",
            "--domain-filter", "--exclude-domains", "--source", "--aws-profile", "--google-project", "--azure-resource-group",
            "--azure-subscription-id", "--azure-config-file", "--kubeconfig", "--server", "--namespace", "--interval",
            "--log-level", "--zone-id-filter", "--aws-zone-type", "--label-filter", "--annotation-filter", "--fqdn-template");

    @Override
    public Set<String> programs() {
        return Set.of("external-dns");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().contains("--help") || inv.words().contains("--version")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        String policy = p.value("--policy").orElse("sync");
        String zone = String.join(",", p.flags().getOrDefault("--domain-filter", List.of()));
        String provider = p.value("--provider").orElse("");
        Operation.Builder b = Operation.builder("dns", Verb.UPDATE).resource("records", zone).scope(Scope.MANY)
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (p.has("--dry-run")) {
            b.verb(Verb.READ).note("external-dns --dry-run only reports the changes it would make");
        } else if (policy.equals("sync")) {
            b.stateful(true).reversible(false).note("external-dns with the sync policy writes " + (provider.isEmpty() ? "the provider's" : provider)
                    + " records and deletes those it owns but no longer sees" + (p.has("--once") ? "" : ", and keeps doing so"));
        } else {
            b.verb(policy.equals("create-only") ? Verb.CREATE : Verb.UPDATE)
                    .note("external-dns (" + policy + ") writes " + (provider.isEmpty() ? "the provider's" : provider) + " records");
        }
        // the provider's account, not the cluster it reads its sources from, is where the records change
        p.value("--aws-profile").or(() -> provider.startsWith("aws") ? java.util.Optional.ofNullable(inv.env().get("AWS_PROFILE"))
                : java.util.Optional.empty()).ifPresent(v -> b.locator("profile", v));
        p.value("--google-project").ifPresent(v -> b.locator("project", v));
        p.value("--azure-resource-group").ifPresent(v -> b.locator("resource-group", v));
        p.value("--azure-subscription-id").ifPresent(v -> b.locator("subscription", v));
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
