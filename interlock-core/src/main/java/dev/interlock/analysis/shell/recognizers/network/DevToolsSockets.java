package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebSocket clients ({@code websocat}, {@code wscat}) speaking the Chrome DevTools Protocol to a browser's debugging
 * endpoint ({@code ws://127.0.0.1:9222/devtools/browser/…}). The messages sent (piped in, or {@code wscat -x}) say what
 * is asked: the methods that hand back cookies give every signed-in session the browser holds, a credential read
 * wherever the browser runs. Other methods and other sockets are judged as any unfamiliar program is.
 */
public final class DevToolsSockets implements Recognizer {

    /** The methods that hand back the browser's cookies; code that sends them ({@code client.send('…')}) is judged by them too. */
    public static final Pattern COOKIE_METHODS = Pattern.compile("\\b(?:Network|Storage)\\s*\\.\\s*get(?:All)?Cookies\\b");

    private static final Pattern SOCKET = Pattern.compile("(?i)\\bwss?://[^\\s'\"]+");

    @Override
    public Set<String> programs() {
        return Set.of("websocat", "wscat", "wsta", "wsdump", "wsdump.py");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String sent = String.join(" ", inv.words()) + " " + inv.stdin().orElse("");
        if (COOKIE_METHODS.matcher(sent).find()) {
            Matcher socket = SOCKET.matcher(String.join(" ", inv.words()));
            String host = socket.find() ? Hosts.of(socket.group()) : "";
            Operation.Builder b = Operation.builder("browser", Verb.CREDENTIAL).resource("cookies", host.isEmpty() ? "browser" : host)
                    .scope(Scope.ALL).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("asks the browser's DevTools endpoint for its cookies: every session it is signed in to");
            if (!host.isEmpty()) {
                b.locator("host", host);
            }
            return List.of(b.build());
        }
        return new UnrecognizedProgram().recognize(inv, nested);
    }
}
