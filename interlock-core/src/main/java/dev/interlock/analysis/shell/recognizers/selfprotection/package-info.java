/** Interlock protects itself: its processes, executable, policy, data and the agents' hook settings. */
package dev.interlock.analysis.shell.recognizers.selfprotection;
