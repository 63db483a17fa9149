/** Runtime diagnostics attached to running processes (JVM tools, profilers, tracers) and GPU status tools, judged by what they reveal or change. */
package dev.interlock.analysis.shell.recognizers.diagnostics;
