/** The tamper-evident audit log: hash chain, signed checkpoints, redaction, verification and export. */
package dev.interlock.server.audit;
