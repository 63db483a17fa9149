/** Recognizers for the tools that watch production and page people, and the agents that ship its logs: what they silence, inject, delete or send away. */
package dev.interlock.analysis.shell.recognizers.observability;
