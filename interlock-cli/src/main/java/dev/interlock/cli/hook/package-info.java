/**
 * {@code interlock hook AGENT}: the process an agent runs before each tool call — small, fast, and failing closed —
 * and the local decider that answers it warm.
 */
package dev.interlock.cli.hook;
