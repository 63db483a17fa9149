/** Policy in the server: reload on request or on file change; a candidate that fails to compile or its tests is refused. */
package dev.interlock.server.policy;
