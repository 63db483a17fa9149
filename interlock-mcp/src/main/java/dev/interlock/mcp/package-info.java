/**
 * The MCP gateway: JSON-RPC between an agent and its MCP servers (stdio processes or streamable HTTP), every
 * {@code tools/call} decided first; transports for the agent's side live with their adapters (cli, http).
 */
package dev.interlock.mcp;
