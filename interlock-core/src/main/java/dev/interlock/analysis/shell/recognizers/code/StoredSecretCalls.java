package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.analysis.shell.recognizers.network.DevToolsSockets;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Libraries whose calls hand back what a browser, a keyring or a password store keeps on this machine, decrypted:
 * {@code browser_cookie3.chrome()} and {@code pycookiecheat} return live session cookies, {@code keyring.get_password}
 * and node's {@code keytar.getPassword} a saved password. Such a call in one-liner code is a credential read, as
 * {@code secret-tool lookup} is; the library's name alone (an import, {@code help(keyring)}) reads nothing.
 */
final class StoredSecretCalls {

    private StoredSecretCalls() {
    }

    /**
     * @param gate    a word the code must contain before the pattern is tried (most code names none of these libraries)
     * @param store   the operation's system and the resource it reads
     */
    private record Call(Language language, String gate, Pattern pattern, String store, String type, String note) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(Language.PYTHON, "cookie", Pattern.compile("\\b(?:browser_cookie3|pycookiecheat)\\s*\\.\\s*\\w+\\s*\\("
                    + "|(?<![\\w.])(?:chrome_cookies|firefox_cookies)\\s*\\("), "browser", "cookies",
                    "decrypts the browser's saved cookies: live sessions to every site the user is logged in to"),
            new Call(Language.PYTHON, "rookiepy", Pattern.compile("\\brookiepy\\s*\\.\\s*\\w+\\s*\\("), "browser", "cookies",
                    "decrypts the browser's saved cookies: live sessions to every site the user is logged in to"),
            new Call(Language.PYTHON, "keyring", Pattern.compile("\\bkeyring\\s*\\.\\s*(?:get_password|get_credential)\\s*\\("),
                    "keyring", "secret", "reads a saved password from the system keyring"),
            new Call(Language.PYTHON, "secretstorage", Pattern.compile("\\.get_secret\\s*\\("), "keyring", "secret",
                    "reads a secret from the Secret Service keyring"),
            new Call(Language.JAVASCRIPT, "keytar", Pattern.compile("(?:\\bkeytar|require\\s*\\(\\s*['\"]keytar['\"]\\s*\\))\\s*\\.\\s*(?:getPassword|findPassword|findCredentials)\\s*\\("),
                    "keyring", "secret", "reads a saved password from the system keyring"),
            new Call(Language.JAVASCRIPT, "cookies", Pattern.compile("chrome-cookies-secure|\\bgetCookiesPromised\\s*\\("), "browser",
                    "cookies", "decrypts the browser's saved cookies: live sessions to every site the user is logged in to"),
            // the same cookies asked of a running browser over the DevTools Protocol (client.send('Network.getAllCookies'))
            new Call(Language.PYTHON, "Cookies", DevToolsSockets.COOKIE_METHODS, "browser", "cookies", "asks a browser's DevTools for its cookies: every session it is signed in to"),
            new Call(Language.JAVASCRIPT, "Cookies", DevToolsSockets.COOKIE_METHODS, "browser", "cookies", "asks a browser's DevTools for its cookies: every session it is signed in to"));

    /** A credential operation for each stored-secret library the code calls. */
    static List<Operation> in(String code, Language language, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        for (Call call : CALLS) {
            if (call.language() == language && code.contains(call.gate()) && call.pattern().matcher(code).find()) {
                ops.add(LocalFiles.local(inv, Operation.builder(call.store(), Verb.CREDENTIAL).resource(call.type(), "")
                        .evidence(inv.evidence()).note(inv.program() + " code " + call.note()), call.store() + " on this machine").build());
            }
        }
        return ops;
    }
}
