/** Agent hooks: each agent's pre-tool-call payload mapped to a request, and a decision rendered in that agent's own answer. */
package dev.interlock.hooks;
