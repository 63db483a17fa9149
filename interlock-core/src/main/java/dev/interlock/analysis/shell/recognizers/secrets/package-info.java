/** Secrets: files and variables that hold them, secret managers and stores, and every reader that prints them. */
package dev.interlock.analysis.shell.recognizers.secrets;
