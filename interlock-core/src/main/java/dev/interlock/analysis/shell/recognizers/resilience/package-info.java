/** Load generators and chaos-engineering CLIs: tools that stress or break a target on purpose, placed by that target. */
package dev.interlock.analysis.shell.recognizers.resilience;
