/**
 * Shell analysis: walks the syntax tree, unwraps wrappers ({@code sudo}, {@code env}, {@code sh -c}, …) and hands each
 * simple command to the {@link dev.interlock.analysis.shell.Recognizer} registered for its program.
 */
package dev.interlock.analysis.shell;
