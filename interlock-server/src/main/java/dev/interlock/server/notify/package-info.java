/** Webhooks to approver groups (Slack-compatible text plus a full JSON body), off the decision path. */
package dev.interlock.server.notify;
