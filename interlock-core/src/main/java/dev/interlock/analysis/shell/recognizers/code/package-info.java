/** Interpreters run with code (python -c, node -e, scripts): the shell commands, deletes, SDK and driver calls the code makes. */
package dev.interlock.analysis.shell.recognizers.code;
