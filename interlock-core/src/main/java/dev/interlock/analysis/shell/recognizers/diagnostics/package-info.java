/** Runtime diagnostics attached to running processes: JVM tools, profilers and tracers, judged by what they reveal or change. */
package dev.interlock.analysis.shell.recognizers.diagnostics;
