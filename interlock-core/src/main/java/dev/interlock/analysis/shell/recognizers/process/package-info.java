/** Processes and services: signals, process managers, service control and system settings. */
package dev.interlock.analysis.shell.recognizers.process;
