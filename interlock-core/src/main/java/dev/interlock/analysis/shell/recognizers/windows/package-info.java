/** Windows' own commands (cmd and its built-ins, the administration tools), with Windows paths: a drive's root, a user profile and the system directories are the machine itself, and a UNC path (\\host\share) is that host's. IIS's appcmd too. */
package dev.interlock.analysis.shell.recognizers.windows;
