/** Recognizers for SaaS admin CLIs (payments, storefronts, CRMs, help desks, feature flags) and ticket trackers and shared drives: which account a command acts on, and whether it only reads. */
package dev.interlock.analysis.shell.recognizers.saas;
