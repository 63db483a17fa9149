package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.environment.Hosts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A POST with a body and no method to an appliance's configuration API creates the object the body describes
 * ({@code curl -d '{"name":"pool"}' https://bigip/mgmt/tm/ltm/pool}): these APIs read with GET only, so "inline data is
 * a query" does not hold for them. Limited to known admin prefixes; a path that still reads like a query or a sign-in
 * ({@code /mgmt/shared/authn/login}) keeps the general reading.
 */
final class AdminApiPosts {

    /** Configuration API prefixes: F5 iControl REST, Citrix NITRO, FortiOS CMDB, Infoblox WAPI, RESTCONF. */
    private static final List<String> PREFIXES = List.of("/mgmt/tm/", "/mgmt/shared/", "/nitro/v1/config/",
            "/api/v2/cmdb/", "/wapi/v", "/restconf/data/");
    private static final Set<String> QUERY_WORDS = Set.of("search", "query", "graphql", "sql", "lookup", "list", "find",
            "count", "explain", "validate", "login", "authn", "token", "stats", "stat");

    private AdminApiPosts() {
    }

    static boolean creates(String host, String path) {
        if (host.isEmpty() || Hosts.loopback(host) || PREFIXES.stream().noneMatch(path::startsWith)) {
            return false;
        }
        for (String segment : path.toLowerCase(Locale.ROOT).split("[/_-]")) {
            if (QUERY_WORDS.contains(segment)) {
                return false;
            }
        }
        return true;
    }
}
