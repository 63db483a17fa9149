/** {@code interlock mcp}: a stdio MCP gateway that forwards to an upstream server and decides every {@code tools/call}. */
package dev.interlock.cli.mcp;
