/**
 * The server's side of the pipeline: session history in, the pure engine's decision, approval and grant lookup, and
 * the audit append that must be durable before the answer leaves.
 */
package dev.interlock.server.decisions;
