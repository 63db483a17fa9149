package dev.interlock.analysis.shell.recognizers.activedirectory;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;

/**
 * Signing in to a Windows host with an NT hash instead of a password ({@code evil-winrm -H}, Impacket's
 * {@code -hashes}): the agent takes on an account whose password it was never given, which is an escalation on its own,
 * whatever the session then does.
 */
final class PassTheHash {

    private PassTheHash() {
    }

    static Operation operation(Invocation inv, String host, String account) {
        Operation.Builder b = Operation.builder("active-directory", Verb.ESCALATE)
                .resource("principal", account.isEmpty() ? host : account).confidence(Confidence.EXACT).reversible(false)
                .note("signs in to " + host + " with a password hash (pass-the-hash)");
        return Targets.on(inv, b, host);
    }
}
