/** Recognizers for DNS tooling (nsupdate, rndc, BIND's checkers, flarectl, octoDNS, DNSControl): which commands only look and which change records and zones. */
package dev.interlock.analysis.shell.recognizers.dns;
