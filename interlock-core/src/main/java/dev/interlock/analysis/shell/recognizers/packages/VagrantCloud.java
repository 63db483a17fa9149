package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vagrant cloud …}: the box registry (Vagrant Cloud, or the server {@code VAGRANT_SERVER_URL} names), not a VM
 * of this machine. Publishing a box, uploading a provider's file and releasing a version are publications: every
 * {@code vagrant box add} of that box gets it. Creating, changing, revoking and deleting boxes and versions change the
 * registry; searching and showing read it.
 */
public final class VagrantCloud {

    private VagrantCloud() {
    }

    private static final Set<String> VALUED = Set.of("-d", "--description", "--version-description", "-u", "--url",
            "-c", "--checksum", "-C", "--checksum-type", "-a", "--architecture", "-s", "--short-description",
            "--username", "--token", "--provider", "--sort-by", "--limit", "--page", "--order", "--description-file");
    /** Words that publish: the box's file leaves this machine for everyone who adds the box. */
    private static final Set<String> PUBLISHING = Set.of("publish", "version release", "provider upload");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "search", read("box"))
            .add("box", "show", read("box"))
            .add("auth", "whoami", read("token"))
            .add("auth", "login logout", local("token"))
            .add("box", "create", create("box"))
            .add("version", "create", create("box-version"))
            .add("provider", "create", create("box-version"))
            .add("box", "update", update("box"))
            .add("version", "update", update("box-version"))
            .add("provider", "update", update("box-version"))
            .add("version", "revoke", update("box-version").note("everyone adding the box stops getting this version"))
            .add("box", "delete", delete("box").note("deletes the box with every version and file in it"))
            .add("version", "delete", delete("box-version"))
            .add("provider", "delete", delete("box-version"))
            .build();

    /** {@code vagrant cloud WORDS}: {@code inv}'s arguments start with {@code cloud}. */
    public static Operation recognize(Invocation inv) {
        ParsedArgs p = ParsedArgs.parse(inv.args().subList(1, inv.args().size()), VALUED);
        List<String> words = p.words();
        String server = Hosts.of(inv.env().getOrDefault("VAGRANT_SERVER_URL", "https://vagrantcloud.com"));
        String command = words.isEmpty() ? "" : words.size() > 1 && PUBLISHING.contains(words.get(0) + " " + words.get(1))
                ? words.get(0) + " " + words.get(1) : words.getFirst();
        if (PUBLISHING.contains(command)) {
            List<String> named = words.subList(command.split(" ").length, words.size());
            String box = String.join(" ", named.subList(0, Math.min(2, named.size())));
            return Publishing.publishTo(inv, box, "vagrant cloud " + command + (p.has("-r", "--release") ? " --release" : ""), server);
        }
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "box");
        return found.act().placed(inv, "vagrant-cloud", found.name(words), Map.of("host", server), Tier.UNKNOWN, "");
    }
}
