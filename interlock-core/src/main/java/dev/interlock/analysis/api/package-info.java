/** API requests whose method says too little: GraphQL documents and RPC method names, read for what they do. Shared by the shell and MCP analyses. */
package dev.interlock.analysis.api;
