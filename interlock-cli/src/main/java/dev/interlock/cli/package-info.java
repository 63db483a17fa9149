/** The command-line adapter: {@code interlock check}, {@code policy test|lint|show}, {@code demo}. Thin: parse, call the engine, render. */
package dev.interlock.cli;
