package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Ad-hoc file servers ({@code python3 -m http.server}, {@code http-server}, {@code php -S … -t DIR}): a preview of the
 * workspace is ordinary local work; serving the home directory, the root or a directory of secrets on the network
 * hands every file in it to whoever connects.
 */
public final class FileServers implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("http.server", "SimpleHTTPServer", "http-server", "live-server", "httpd-foreground", "updog");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-d", "--directory", "-b", "--bind", "-a", "--address", "-p", "--port", "--host"));
        String dir = p.value("-d", "--directory").orElse(inv.program().equals("http-server") || inv.program().equals("live-server")
                ? p.words().stream().filter(w -> !Regex.matches(w, "\\d+")).findFirst().orElse(".") : ".");
        String bind = p.value("-b", "--bind", "-a", "--address", "--host").orElse("0.0.0.0");
        String path = inv.workspace().resolve(dir);
        Workspace.Area area = inv.workspace().area(dir);
        boolean loopback = bind.startsWith("127.") || bind.equals("localhost") || bind.equals("::1");
        boolean workspaceRoot = path.equals(inv.workspace().cwd()) && !path.equals(inv.workspace().home());
        boolean exposesMachine = area == Workspace.Area.ROOT || area == Workspace.Area.HOME_ROOT && !workspaceRoot
                || area == Workspace.Area.SYSTEM
                || CredentialRecognizer.secret(inv, dev.interlock.analysis.shell.Arg.of(dir));
        if (exposesMachine && !loopback) {
            return List.of(LocalFiles.on(inv, Verb.TRANSFER, "directory", dir).scope(Scope.ALL).reversible(false)
                    .note("serves " + path + " over HTTP on " + bind + ": every file in it, keys and tokens included, to whoever connects")
                    .build());
        }
        return List.of(LocalFiles.execute(inv, inv.program(), "serves " + path + " over HTTP"
                + (loopback ? " on this machine only" : " on " + bind)));
    }
}
