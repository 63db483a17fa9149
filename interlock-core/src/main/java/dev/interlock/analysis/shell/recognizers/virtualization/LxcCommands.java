package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LXD's {@code lxc} and Incus's {@code incus}: an instance named without a remote ({@code ci-test-runner}) lives on the
 * daemon on this machine, the developer's own containers; {@code prod-cluster:web1} (or {@code INCUS_REMOTE}) names a
 * remote server, placed by that name. {@code lxc remote …} only edits this machine's client configuration.
 */
final class LxcCommands {

    private LxcCommands() {
    }

    private static final String LOOKS = "list ls show info get";
    private static final CommandTable LXC = CommandTable.builder()
            .add("", "list ls info version monitor query", read("instance"))
            .add("", "exec console shell", execute("instance"))
            .add("", "launch init create copy cp snapshot publish import", create("instance"))
            .add("", "start stop restart pause freeze unpause resume rename move mv", update("instance"))
            .add("", "restore", replace("instance").note("returns the instance to a snapshot: everything written since is lost"))
            .add("", "delete rm", delete("instance"))
            .add("", "export", read("instance"))
            .add("config", "show get", read("instance"))
            .add("config", "set unset edit", update("instance"))
            .add("config device", "list ls show get", read("instance"))
            .add("config device", "add remove rm set unset override", update("instance"))
            .add("snapshot", "list ls show info", read("snapshot"))
            .add("snapshot", "create restore rename", update("snapshot"))
            .add("snapshot", "delete rm", delete("snapshot"))
            .add("file", "pull", read("file"))
            .add("file", "push edit mount create", update("file"))
            .add("file", "delete rm", delete("file"))
            .add("image", LOOKS, read("image"))
            .add("image", "delete rm", delete("image"))
            .add("storage", LOOKS, read("storage-pool"))
            .add("storage", "delete rm", delete("storage-pool"))
            .add("storage volume", LOOKS, read("volume"))
            .add("storage volume", "delete rm", delete("volume"))
            .add("network", LOOKS + " list-leases", read("network"))
            .add("network", "delete rm", delete("network"))
            .add("profile", LOOKS, read("profile"))
            .add("profile", "delete rm", delete("profile"))
            .add("project", LOOKS, read("project"))
            .add("project", "delete rm", delete("project"))
            .add("cluster", LOOKS, read("cluster"))
            .add("cluster", "remove evacuate", update("cluster"))
            .add("operation", LOOKS, read("operation"))
            .add("warning", LOOKS, read("warning"))
            .add("remote", "list ls get-default add remove rm rename set-url switch set-default", local("remote"))
            .add("alias", "list ls add remove rm rename", local("alias"))
            .build();

    /** Commands whose first operand is an image, the instance's name coming after it. */
    private static final Set<String> FROM_IMAGE = Set.of("launch", "init", "create");

    private static final Set<String> VALUED = Set.of("--project", "--target", "-c", "--columns", "--format", "--type",
            "-t", "-p", "--profile", "-s", "--storage", "-n", "--network", "--config", "--mode", "--env", "--cwd", "--user",
            "--group", "-X", "--request", "-d", "--data", "--description", "--expiry", "--reason");

    static Run lxc(Invocation inv) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.words();
        CommandTable.Found found = LXC.findOrGuess(words, 2, "instance");
        // launch IMAGE [NAME]: the image's remote (ubuntu:24.04, images:debian/12) is where it comes from, not where it runs
        int operands = found.words() + (FROM_IMAGE.contains(found.command()) ? 1 : 0);
        String name = VirtualizationRecognizer.operand(words, operands);
        // remote:name, or the remote a bare "remote:" names (lxc list prod:); what follows -- is the command exec runs
        List<String> named = parsed.positionals().stream().map(dev.interlock.analysis.shell.Arg::value).toList();
        Optional<String> remote = named.stream().skip(operands).filter(w -> w.indexOf(':') > 0)
                .map(w -> w.substring(0, w.indexOf(':'))).filter(r -> !r.contains("/") && !r.equals("local")).findFirst()
                .or(() -> Optional.ofNullable(inv.env().get("INCUS_REMOTE")).filter(r -> !r.equals("local")));
        boolean here = remote.isEmpty() && !found.act().here();
        String shown = name.indexOf(':') > 0 ? name.substring(name.indexOf(':') + 1) : name;
        return new Run(found.act(), found.command(), shown, remote.map(r -> Map.of("host", r)).orElse(Map.of()), here);
    }
}
