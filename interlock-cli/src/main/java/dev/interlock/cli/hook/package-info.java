/** {@code interlock hook AGENT}: the process an agent runs before each tool call — small, fast, and failing closed. */
package dev.interlock.cli.hook;
