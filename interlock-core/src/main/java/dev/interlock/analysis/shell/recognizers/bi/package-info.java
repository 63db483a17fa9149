/** Recognizers for BI servers' command-line clients (Tableau's tabcmd): which reports, projects and users they remove or refresh. */
package dev.interlock.analysis.shell.recognizers.bi;
