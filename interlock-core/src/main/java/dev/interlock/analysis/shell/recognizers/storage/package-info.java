/** Recognizers for distributed storage clusters' admin tools (cephadm): which commands only look and which change the cluster. */
package dev.interlock.analysis.shell.recognizers.storage;
