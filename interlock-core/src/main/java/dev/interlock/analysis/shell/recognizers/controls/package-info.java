/**
 * Security controls switched off: a table per family (cloud, cluster, host) of the commands that stop an audit trail,
 * threat detection, mTLS, a network policy or firewall, SELinux/AppArmor, admission policy, a WAF, MFA, a directory's
 * password policy, BitLocker or Secure Boot, or a security agent uninstalled by a package manager. It claims no
 * program: it marks the operations the program's own recognizer made with the {@code disables-control} locator, which
 * the shipped policy holds for a security approver outside local sandboxes. A control's own configuration file written
 * so that it is off ({@link dev.interlock.analysis.shell.recognizers.controls.ControlFiles}) is marked the same way, and so is a
 * search cluster's settings request that switches its audit log or security plugin off (for the search APIs' table).
 */
package dev.interlock.analysis.shell.recognizers.controls;
