package dev.interlock.model;

import java.util.List;
import java.util.Map;

/**
 * What a plan would touch, for the reviewer: counts by verb and by type, the resources that hold data and would be
 * deleted or replaced (and which of them lose it), what cuts access, where it lands, and the plan's digest.
 *
 * @param plan        the plan's one-line description
 * @param digest      {@code sha256:…} the approval is bound to
 * @param environment the strictest tier the changes land in
 * @param where       what names that environment ({@code workspace payments-prod}), or ""
 * @param whereSource how the environment was resolved (inventory match, context, tag)
 * @param byVerb      change counts by verb, in the order delete, replace, update, create, read
 * @param byType      change counts by resource type and verb
 * @param holdingData addresses of deleted or replaced resources that hold data
 * @param dataLost    the subset whose data goes with them
 * @param accessCut   addresses of deleted or replaced resources whose loss cuts access
 * @param findings    drift, deferred changes, moves, an incomplete plan
 * @param unchanged   resources left as they are
 * @param summary     one line: {@code replace 37 resources in payments-prod (prod); 3 hold data: …}
 */
public record BlastRadius(String plan, String digest, Tier environment, String where, String whereSource,
                          Map<Verb, Integer> byVerb, Map<String, Map<Verb, Integer>> byType, List<String> holdingData,
                          List<String> dataLost, List<String> accessCut, List<String> findings, int unchanged, String summary) {

    public BlastRadius {
        byVerb = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byVerb));
        byType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byType));
        holdingData = List.copyOf(holdingData);
        dataLost = List.copyOf(dataLost);
        accessCut = List.copyOf(accessCut);
        findings = List.copyOf(findings);
    }

    public int changes() {
        return byVerb.values().stream().mapToInt(Integer::intValue).sum();
    }
}
