/** Recognizers for certificate tooling (openssl's key and CA commands, keytool, smallstep's step, Windows' and NSS's certutil, cfssl, mkcert, vcert): which commands read public halves, which print private keys, which make new keys (outputs, not secrets read), and which issue, sign or revoke. */
package dev.interlock.analysis.shell.recognizers.pki;
