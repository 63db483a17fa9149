/**
 * Who is calling the server: bearer tokens (only their SHA-256 is stored) resolve to a {@link dev.interlock.server.auth.Caller}
 * with a role; agents hold agent tokens, humans hold approver or admin tokens.
 */
package dev.interlock.server.auth;
