/** Recognizers for the tools that watch production and page people: what they silence, inject or delete. */
package dev.interlock.analysis.shell.recognizers.observability;
