package dev.interlock.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An infrastructure change plan (Terraform/OpenTofu {@code show -json}, a CloudFormation change set, a Pulumi
 * preview, Kubernetes manifests), read once into what decisions need; the document itself is not kept, so a plan of
 * 50,000 changes costs its changes, not its JSON.
 *
 * @param kind          which request kind it arrived as
 * @param tool          {@code terraform}, {@code cloudformation}, {@code pulumi} or {@code kubernetes}
 * @param formatVersion the document's own format version, when it has one
 * @param name          what the plan is of: a stack, a workspace, a change set ({@code ""} when the document does not say)
 * @param changes       every change that does something (no-ops are counted in {@code unchanged}, not listed)
 * @param locators      plan-wide locators: account, region, project, subscription, profile, stack, environment
 * @param sources       where each plan-wide locator was read ({@code region -> provider "aws" region})
 * @param findings      what the reviewer should know besides the changes: drift, deferred changes, moves, an incomplete plan
 * @param unchanged     resources the plan leaves as they are
 * @param digest        {@code sha256:…} of the changes in canonical JSON: what an approval of this plan is bound to
 */
public record Plan(RequestKind kind, String tool, String formatVersion, String name, List<PlanChange> changes,
                   Map<String, String> locators, Map<String, String> sources, List<String> findings, int unchanged,
                   String digest) {

    public Plan {
        name = name == null ? "" : name;
        changes = List.copyOf(changes);
        locators = java.util.Collections.unmodifiableMap(new TreeMap<>(locators));
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
        findings = List.copyOf(findings);
    }

    /** One line for logs and evidence: {@code terraform plan sha256:1f2e… (40 changes, 3 unchanged)}. */
    public String describe() {
        return tool + " plan " + (name.isEmpty() ? "" : name + " ") + digest + " (" + changes.size() + " change"
                + (changes.size() == 1 ? "" : "s") + ", " + unchanged + " unchanged)";
    }
}
