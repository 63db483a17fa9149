/** One recognizer per program family; each is mostly a table from subcommands and flags to operations. */
package dev.interlock.analysis.shell.recognizers;
