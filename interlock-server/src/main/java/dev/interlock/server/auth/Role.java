package dev.interlock.server.auth;

/** What a token may do. */
public enum Role { AGENT, APPROVER, ADMIN }
