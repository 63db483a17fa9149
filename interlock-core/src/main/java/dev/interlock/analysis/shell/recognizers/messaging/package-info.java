/** Recognizers for outbound messaging (mail clients and SMTP tools, SMS APIs' CLIs): who a message reaches, and whether that needs a human. */
package dev.interlock.analysis.shell.recognizers.messaging;
