/**
 * Telephony: PBX and SIP server consoles (Asterisk, FreeSWITCH, Kamailio) and contact-centre and voice-API CLIs
 * (Genesys Cloud's Architect, Vonage): which commands only report, which drop live calls or change call routing, and
 * which release a phone number for good.
 */
package dev.interlock.analysis.shell.recognizers.telephony;
