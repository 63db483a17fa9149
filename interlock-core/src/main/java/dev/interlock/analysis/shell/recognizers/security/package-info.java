/** Security tooling: secret scanners, password crackers, static configuration scanners, osquery and the host's own sensors (Wazuh, Zeek, Suricata, ClamAV, CrowdSec, fail2ban, AIDE), and supply-chain CLIs (Snyk's settings, the Rekor transparency log) — what each only reads, and what sends or prints secrets. */
package dev.interlock.analysis.shell.recognizers.security;
