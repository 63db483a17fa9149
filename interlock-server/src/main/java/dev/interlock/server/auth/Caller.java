package dev.interlock.server.auth;

import java.util.List;

/**
 * An authenticated caller: the token it presented and what that token says about it. {@code agent} is set for agent
 * tokens only; {@code groups} are the approval groups of a human (matched by {@code group:NAME} approvers).
 */
public record Caller(String tokenId, Role role, String principal, String agent, List<String> groups) {
    public Caller {
        tokenId = tokenId == null ? "" : tokenId;
        principal = principal == null ? "" : principal;
        agent = agent == null ? "" : agent;
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Approver and admin tokens belong to humans; an agent token never does, whoever it acts for. */
    public boolean isHuman() {
        return role == Role.APPROVER || role == Role.ADMIN;
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** How the caller is named in results and audit events: the principal, and the agent for agent tokens. */
    public String display() {
        return role == Role.AGENT && !agent.isEmpty() ? agent + " for " + principal : principal;
    }
}
