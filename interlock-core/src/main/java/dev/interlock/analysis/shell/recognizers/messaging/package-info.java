/** Recognizers for messaging (mail clients and SMTP tools, mail servers' queue and configuration tools, SMS APIs' CLIs): who a message reaches, what happens to queued mail, and whether that needs a human. */
package dev.interlock.analysis.shell.recognizers.messaging;
