package dev.interlock.model;

/** Who acts: the human an agent works for, the agent, and its session. Empty strings where unknown. */
public record Actor(String principal, String agent, String session) {
    public static final Actor UNKNOWN = new Actor("", "", "");

    public Actor {
        principal = principal == null ? "" : principal;
        agent = agent == null ? "" : agent;
        session = session == null ? "" : session;
    }
}
