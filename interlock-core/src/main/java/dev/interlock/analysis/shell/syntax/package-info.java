/** A parser for POSIX sh and bash syntax that never throws and does bounded work on any input. */
package dev.interlock.analysis.shell.syntax;
