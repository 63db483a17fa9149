package dev.interlock.analysis.shell.recognizers.dotfiles;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * chezmoi manages the user's dotfiles from a source repository. Its own source (diff, status, apply, update) is routine
 * on this machine. {@code init} of someone else's repository ({@code chezmoi init --apply stranger},
 * {@code https://github.com/stranger/dotfiles}) runs that repository's config templates and {@code run_} scripts and
 * writes the shell's start-up files: code no one here has seen, so opaque.
 */
public final class Chezmoi implements Recognizer {

    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("diff", Action.read("dotfiles")), Map.entry("status", Action.read("dotfiles")),
            Map.entry("managed", Action.read("dotfiles")), Map.entry("unmanaged", Action.read("dotfiles")),
            Map.entry("cat", Action.read("dotfiles")), Map.entry("data", Action.read("dotfiles")),
            Map.entry("doctor", Action.read("dotfiles")), Map.entry("verify", Action.read("dotfiles")),
            Map.entry("source-path", Action.read("dotfiles")), Map.entry("target-path", Action.read("dotfiles")),
            Map.entry("dump", Action.read("dotfiles")), Map.entry("ignored", Action.read("dotfiles")),
            Map.entry("help", Action.read("dotfiles")), Map.entry("--version", Action.read("dotfiles")),
            Map.entry("apply", Action.update("dotfiles", "applies the user's own dotfiles")),
            Map.entry("update", Action.update("dotfiles", "pulls and applies the user's own dotfiles")),
            Map.entry("add", Action.update("dotfiles", "")), Map.entry("re-add", Action.update("dotfiles", "")),
            Map.entry("edit", Action.update("dotfiles", "")), Map.entry("forget", Action.update("dotfiles", "")),
            Map.entry("chattr", Action.update("dotfiles", "")), Map.entry("merge", Action.update("dotfiles", "")),
            Map.entry("destroy", Action.delete("dotfiles", "deletes the files from the source, the home directory and the state")),
            Map.entry("purge", Action.delete("dotfiles", "deletes chezmoi's configuration, state and source")));

    @Override
    public Set<String> programs() {
        return Set.of("chezmoi");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-S", "--source", "-D", "--destination", "-c", "--config", "--branch", "--depth",
                "--exclude", "-x", "--include", "-i", "--guess-repo-url", "-C", "--cache", "-W", "--working-tree"));
        List<String> words = p.words();
        String sub = words.isEmpty() ? "" : words.getFirst();
        if (sub.equals("init")) {
            String repo = words.size() > 1 ? words.get(1) : "";
            if (!repo.isEmpty() && !own(repo, inv)) {
                Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("dotfiles", repo)
                        .confidence(Confidence.OPAQUE).reversible(false).evidence(inv.evidence())
                        .note("chezmoi init of " + repo + ", not the user's own repository: runs its templates"
                                + (p.has("--apply", "-a", "--one-shot") ? ", run_ scripts and shell start-up files" : "") + " on this machine");
                return List.of(LocalFiles.local(inv, b, "code from another user's repository, run on this machine").build());
            }
            return List.of(local(inv, Action.update("dotfiles", "sets up the user's own dotfiles"), repo));
        }
        Action action = COMMANDS.getOrDefault(sub, Action.update("dotfiles", ""));
        List<Operation> ops = new java.util.ArrayList<>();
        ops.add(local(inv, action, String.join(" ", words.subList(Math.min(1, words.size()), words.size()))));
        // chezmoi cat|add|edit ~/.ssh/id_ed25519: the target's contents are printed or copied into the source repository
        for (String target : words.subList(Math.min(1, words.size()), words.size())) {
            String path = inv.workspace().resolve(target);
            if (SecretFiles.isSecret(path)) {
                ops.add(LocalFiles.on(inv, Verb.CREDENTIAL, "file", path)
                        .note("chezmoi " + sub + " reads the secret file " + target + " into its output or source").build());
            }
        }
        return ops;
    }

    private static Operation local(Invocation inv, Action action, String name) {
        return LocalFiles.local(inv, action.on("chezmoi", name, inv), "the user's dotfiles on this machine").build();
    }

    /** A repository that is the user's: their GitHub name ({@code dana}, {@code dana/dotfiles}, a URL under it). */
    private static boolean own(String repo, Invocation inv) {
        if (repo.contains("$")) {
            return false;
        }
        String home = inv.env().getOrDefault("HOME", "");
        String user = inv.env().getOrDefault("USER", home.substring(home.lastIndexOf('/') + 1)).toLowerCase(Locale.ROOT);
        if (user.isEmpty()) {
            return false;
        }
        String path = repo.replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]*@", "");
        String[] parts = path.split("[/:]");
        if (parts.length == 0) {
            return false; // "/" or ":" names no repository
        }
        String owner = !repo.contains("/") && !repo.contains(":") ? parts[0]
                : parts.length > 1 && parts[0].contains(".") ? parts[1] : parts[0];
        return owner.toLowerCase(Locale.ROOT).equals(user);
    }
}
