/** Recognizers for Kerberos and Active Directory: KDC administration, keytabs, tickets, domain joins and Samba's tools. */
package dev.interlock.analysis.shell.recognizers.kerberos;
