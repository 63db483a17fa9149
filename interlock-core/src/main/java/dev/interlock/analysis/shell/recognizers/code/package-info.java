/** Interpreters run with code (python -c, node -e, scripts): the shell commands, deletes, SDK and driver calls the code makes (hosted services' clients included), and code that only reads and prints. */
package dev.interlock.analysis.shell.recognizers.code;
