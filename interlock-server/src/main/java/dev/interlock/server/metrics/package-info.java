/** Prometheus metrics (Micrometer): safety measures — effects, approvals, review times, grants — not usage counts. */
package dev.interlock.server.metrics;
