/** The MCP gateway inside the server: one session per agent connection to {@code /mcp}, decided in-process. */
package dev.interlock.server.mcp;
