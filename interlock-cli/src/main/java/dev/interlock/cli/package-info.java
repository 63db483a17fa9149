/**
 * The command-line adapter: {@code interlock check}, {@code exec}, {@code policy test|lint|show}, {@code demo}, and the
 * server clients {@code approvals}, {@code grants}, {@code audit}, {@code token}. Thin: parse, call the engine or the
 * server, render.
 */
package dev.interlock.cli;
