/**
 * Workflow-automation platforms' CLIs: self-hosted n8n (its instance's database holds the workflows, the stored
 * credentials and the users, placed by the database its settings name) and the Zapier platform CLI (integrations
 * pushed, promoted and migrated on Zapier, where its users run them): which commands only read, which change the
 * workflows or integrations that run by themselves, and which print the credentials they hold.
 */
package dev.interlock.analysis.shell.recognizers.automation;
