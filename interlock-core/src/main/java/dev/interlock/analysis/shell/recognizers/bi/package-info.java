/** Recognizers for BI servers' command-line clients (Tableau's tabcmd, Looker's gzr and Spectacles): which reports, projects and users they remove, refresh or only read. */
package dev.interlock.analysis.shell.recognizers.bi;
