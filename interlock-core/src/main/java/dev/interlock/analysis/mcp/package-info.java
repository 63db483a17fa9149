/** MCP {@code tools/call}s turned into operations: tables of the common infrastructure servers' tools, by what each does. */
package dev.interlock.analysis.mcp;
