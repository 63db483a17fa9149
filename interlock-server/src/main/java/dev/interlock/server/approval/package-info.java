/**
 * Approvals and grants: a {@code require_approval} decision is held as a pending approval bound to the request's
 * fingerprint and the agent's token; authenticated humans review it under the built-in invariants; the agent's retry
 * consumes it once. Grants let a reviewer release a bounded class of identical requests. Every state change is a
 * compare-and-set in SQL, so several servers on one PostgreSQL never both approve or consume one approval. Nothing here
 * writes audit events: each mutating call returns what happened and the HTTP layer records it.
 */
package dev.interlock.server.approval;
