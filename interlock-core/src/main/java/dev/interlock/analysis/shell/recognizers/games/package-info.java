/** Game backends and live-ops tools: build uploads and releases to players, hosted game services, live servers. */
package dev.interlock.analysis.shell.recognizers.games;
