/** Recognizers for identity providers and directory administration: who may log in, with which rights and secrets. */
package dev.interlock.analysis.shell.recognizers.identity;
