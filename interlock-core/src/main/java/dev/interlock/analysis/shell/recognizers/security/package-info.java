/** Security tooling: secret scanners, password crackers, static configuration scanners and osquery — what each only reads, and what sends or prints secrets. */
package dev.interlock.analysis.shell.recognizers.security;
