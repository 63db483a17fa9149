/** Recognizers for mainframe (z/OS) tooling run from a workstation: the Zowe CLI's data sets, jobs, TSO and console commands. */
package dev.interlock.analysis.shell.recognizers.mainframe;
