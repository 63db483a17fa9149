/** Recognizers for DNS tooling (nsupdate, rndc, BIND's checkers, flarectl, octoDNS, DNSControl, pdnsutil, keymgr): which commands only look, which change records and zones, and which print DNSSEC or TSIG keys. */
package dev.interlock.analysis.shell.recognizers.dns;
