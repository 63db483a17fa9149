/** AWS, Google Cloud and Azure CLIs: service tables that say what each command does, and the account, project or subscription it acts in. */
package dev.interlock.analysis.shell.recognizers.cloud;
