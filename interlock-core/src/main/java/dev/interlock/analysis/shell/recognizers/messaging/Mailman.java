package dev.interlock.analysis.shell.recognizers.messaging;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Mailman 3's CLI, {@code mailman}, run on the list server itself (here, or on the host {@code ssh} names). Listing
 * lists, members and the configuration reads; removing a list deletes it with its archives and members; posting
 * ({@code inject}) sends mail to every subscriber.
 */
final class Mailman {

    private Mailman() {
    }

    private static final Set<String> VALUED = Set.of("-C", "--config", "-d", "--domain", "-r", "--role", "-l",
            "--list", "-o", "--output", "-s", "--section", "-k", "--key", "-q", "--queue", "-f", "--filename",
            "-m", "--mode", "--owner");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "lists members info status version conf findmember qfile help", read("mailing-list"))
            .add("", "create", create("mailing-list"))
            .add("", "remove", delete("mailing-list").losesData().note("removes the list with its members and archives"))
            .add("", "delmembers", delete("member").many().note("unsubscribes members from the list"))
            .add("", "syncmembers", update("member").many().note("makes the list's members the file's, removing the rest"))
            .add("", "addmembers", update("member").many())
            .add("", "inject", create("message").note("posts a message to every subscriber of the list"))
            .add("", "digests", update("mailing-list"))
            .add("", "start stop restart reopen unshunt aliases import21 gatenews notify", update("mail-server"))
            .add("", "shell withlist", execute("mailing-list"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "mailing-list");
        Operation.Builder b = found.act().operation(inv, "mail", p.value("-l", "--list").orElse(found.name(words)));
        return LocalFiles.local(inv, b, "the list server on this machine").build();
    }
}
