/** Offensive security tools: scanners, fuzzers, brute-forcers and exploit frameworks, judged by the hosts they attack. */
package dev.interlock.analysis.shell.recognizers.offensive;
