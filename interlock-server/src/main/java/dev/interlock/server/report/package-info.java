/** What the audit log says happened: incident timelines and their findings, for the console and the command line. */
package dev.interlock.server.report;
