package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.analysis.shell.recognizers.PrivilegeRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Output redirections are writes: {@code > file} truncates it, {@code >> file} appends, {@code > /dev/sda} destroys a
 * disk. An input redirection from a secret ({@code < ~/.ssh/id_rsa}, {@code $(<~/.aws/credentials)}) reads it.
 */
final class RedirectWrites {

    private static final Set<String> WRITES = Set.of(">", ">>", ">|", "&>", "&>>", "<>", ">&");
    private static final Set<String> HARMLESS = Set.of("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "-");

    private RedirectWrites() {
    }

    static List<Operation> operations(List<Redirect> redirects, ShellWalk walk) {
        List<Operation> ops = new ArrayList<>();
        for (Redirect r : redirects) {
            if (r.operator().equals("<") && r.heredoc().isEmpty()) {
                walk.value(r.target()).map(walk.workspace::resolve).filter(dev.interlock.analysis.shell.recognizers.secrets.SecretFiles::isSecret)
                        .ifPresent(path -> ops.add(located(Operation.builder("filesystem", Verb.CREDENTIAL).resource("file", path)
                                .locator("path", path).locator("area", walk.workspace.area(path).wire())
                                .note("reads secret material (" + path.substring(path.lastIndexOf('/') + 1) + ")")
                                .evidence(walk.evidence(r.span())), walk).build()));
                continue;
            }
            if (!WRITES.contains(r.operator()) || r.heredoc().isPresent()) {
                continue;
            }
            Optional<String> target = walk.value(r.target());
            if (target.isPresent() && (HARMLESS.contains(target.get()) || Regex.matches(target.get(), "\\d+|-|/dev/fd/\\d+"))) {
                continue;
            }
            ops.add(write(target, r, walk));
        }
        return ops;
    }

    private static Operation write(Optional<String> target, Redirect r, ShellWalk walk) {
        boolean append = r.operator().equals(">>") || r.operator().equals("&>>");
        String path = target.orElse(r.target().raw());
        if (target.isPresent()) {
            String resolved = walk.workspace.resolve(path);
            if (SelfProtection.isProtectedPath(resolved, walk.workspace)) {
                return located(Operation.builder("interlock", Verb.UPDATE).resource("configuration", resolved)
                        .note("writes Interlock's or an agent's guard configuration").evidence(walk.evidence(r.span())), walk).build();
            }
            var meaning = FileMeaning.of(resolved, walk.workspace, false, append ? "appends to " : "overwrites ");
            if (meaning.isPresent()) {
                Operation.Builder b = meaning.get().evidence(walk.evidence(r.span()));
                walk.locators.forEach(b::locator);
                return b.build();
            }
            if (PrivilegeRecognizer.isSudoers(resolved)) {
                return located(Operation.builder("os", Verb.ESCALATE).resource("sudoers", resolved).reversible(false)
                        .note("edits who may become root").evidence(walk.evidence(r.span())), walk).build();
            }
        }
        boolean device = target.isPresent() && Regex.matches(target.get(), "/dev/(sd|hd|vd|xvd|nvme|disk|mmcblk|md|dm-|mapper/).*");
        Operation.Builder b = Operation.builder("filesystem", device ? Verb.REPLACE : Verb.UPDATE)
                .resource(device ? "device" : "file", path)
                .stateful(!append)
                .reversible(append)
                .confidence(target.isPresent() ? Confidence.EXACT : Confidence.INFERRED)
                .note(append ? "appends to " + path : "overwrites " + path)
                .evidence(walk.evidence(r.span()));
        if (target.isPresent()) {
            b.locator("path", walk.workspace.resolve(path)).locator("area", walk.workspace.area(path).wire());
        }
        return located(b, walk).build();
    }

    /** Files on this machine are local; under a remote wrapper they are where the wrapper runs. */
    private static Operation.Builder located(Operation.Builder b, ShellWalk walk) {
        walk.locators.forEach(b::locator);
        if (walk.locators.isEmpty()) {
            b.environment(Tier.LOCAL, "a file on this machine");
        }
        return b;
    }
}
