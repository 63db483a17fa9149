package dev.interlock.server.auth;

import java.util.List;

/** Who is calling, from their token. */
public record Caller(String tokenId, Role role, String principal, String agent, List<String> groups) {
    public Caller {
        agent = agent == null ? "" : agent;
        groups = List.copyOf(groups);
    }
}
