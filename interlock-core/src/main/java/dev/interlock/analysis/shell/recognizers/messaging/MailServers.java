package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

/**
 * Mail servers' administration tools: Postfix ({@code postqueue}, {@code postsuper}, {@code postconf}, {@code postcat},
 * {@code qshape}, {@code postfix}, {@code postmap}/{@code postalias}), Exim ({@code exim}/{@code exim4} with its
 * queue and test options, {@code exiqsumm}, {@code exiqgrep}, {@code exipick}, {@code exiwhat}) and Dovecot's
 * {@code doveadm}. Listing the queue, showing one message, printing the configuration and testing an address only
 * look, so they are reads on a production host too; deleting, holding, bouncing or flushing queued mail, editing the
 * configuration, stopping the server and expunging mailboxes change it. What a row does not know is taken as a change.
 * An {@code exim} run with none of its administration options is the {@code sendmail} it also is ({@link MailSenders}).
 */
final class MailServers {

    private MailServers() {
    }

    static final Set<String> PROGRAMS = Set.of("postqueue", "postsuper", "postconf", "postcat", "qshape", "postfix",
            "postmap", "postalias", "exim", "exim4", "exiqsumm", "exiqgrep", "exipick", "exiwhat", "doveadm");

    /** Programs that only ever print the queue, one message or what the server is doing. */
    private static final Set<String> READERS = Set.of("postcat", "qshape", "exiqsumm", "exiqgrep", "exipick", "exiwhat");

    /** postsuper: every flag but -v changes the queue; -d and -h take an ID, {@code ALL} or {@code -} (IDs on stdin). */
    private static final Map<String, Act> POSTSUPER = Map.of(
            "-d", delete("message").note("deletes queued mail: it is never delivered"),
            "-h", update("message").note("puts queued mail on hold (postsuper -H releases it)"),
            "-H", update("message").note("releases held mail for delivery"),
            "-r", update("message").note("requeues mail: it is delivered again under the current settings"),
            "-p", update("mail-queue").note("purges temporary files left by crashed deliveries"),
            "-s", update("mail-queue").note("repairs the queue's structure, renaming files"));

    /** postqueue: -p and -j list; -f, -i and -s hand mail to delivery now (nothing is lost). */
    private static final Map<String, Act> POSTQUEUE = Map.of(
            "-p", read("mail-queue"),
            "-j", read("mail-queue"),
            "-f", update("mail-queue").note("flushes the queue: deferred mail is tried again now"),
            "-i", update("message").note("tries to deliver one queued message now"),
            "-s", update("mail-queue").note("tries to deliver mail queued for a site now"));

    /** postfix's commands; {@code check} and {@code status} only look. */
    private static final CommandTable POSTFIX = CommandTable.builder()
            .add("", "status check", read("mail-server"))
            .add("", "start stop abort reload flush set-permissions upgrade-configuration post-install tls",
                    update("mail-server").note("changes the running Postfix server (stopped, reloaded, flushed) or its files"))
            .build();

    /**
     * exim's options: queue listings ({@code -bp…}), the configuration ({@code -bP}), a message's header, body and log
     * ({@code -Mvh}/{@code -Mvb}/{@code -Mvl}/{@code -Mvc}), address tests ({@code -bt}/{@code -bv}) and the version
     * only look; the {@code -M…} actions and queue runs change the queue. {@code -be} expands strings that may run
     * commands, so it is left to the fallback.
     */
    private static final Map<String, Act> EXIM = Map.ofEntries(
            Map.entry("-bp", read("mail-queue")), Map.entry("-bpc", read("mail-queue")), Map.entry("-bpr", read("mail-queue")),
            Map.entry("-bpra", read("mail-queue")), Map.entry("-bpru", read("mail-queue")), Map.entry("-bpu", read("mail-queue")),
            Map.entry("-bpa", read("mail-queue")), Map.entry("-bP", read("mail-config")), Map.entry("-bV", read("mail-server")),
            Map.entry("-bt", read("mail-address")), Map.entry("-bv", read("mail-address")), Map.entry("-bvs", read("mail-address")),
            Map.entry("-Mvh", read("message")), Map.entry("-Mvb", read("message")), Map.entry("-Mvl", read("message")),
            Map.entry("-Mvc", read("message")),
            Map.entry("-Mrm", delete("message").note("removes queued mail without a bounce: it is never delivered")),
            Map.entry("-Mg", delete("message").note("gives up on queued mail: it is bounced to the sender and removed")),
            Map.entry("-Mf", update("message").note("freezes queued mail (exim -Mt thaws it)")),
            Map.entry("-Mt", update("message").note("thaws frozen mail for delivery")),
            Map.entry("-M", update("message").note("forces delivery of queued mail now")),
            Map.entry("-Mc", update("message").note("delivers queued mail now")),
            Map.entry("-Mar", update("message").note("adds a recipient to queued mail")),
            Map.entry("-Mmad", update("message").note("marks all of a queued message's recipients delivered: they never get it")),
            Map.entry("-Mmd", update("message").note("marks a queued message's recipient delivered: it never gets it")),
            Map.entry("-Mes", update("message").note("changes a queued message's sender")),
            Map.entry("-Meb", update("message").note("edits a queued message's body")),
            Map.entry("-q", update("mail-queue").note("starts a queue run: deferred mail is tried again")),
            Map.entry("-qf", update("mail-queue").note("starts a queue run: deferred mail is tried again")),
            Map.entry("-qff", update("mail-queue").note("starts a queue run that also tries frozen mail")),
            Map.entry("-R", update("mail-queue").note("delivers the mail queued for a domain now")),
            Map.entry("-S", update("mail-queue").note("delivers the mail queued for a sender now")));

    /** doveadm's commands by their words; global options come before them. */
    private static final CommandTable DOVEADM = CommandTable.builder()
            .add("", "search fetch who user dump help config stats oldstats penalty pw", read("mailbox"))
            .add("mailbox", "list status", read("mailbox"))
            .add("mailbox metadata", "get list", read("mailbox"))
            .add("log", "find errors", read("mail-log"))
            .add("quota", "get", read("mailbox"))
            .add("acl", "get rights debug my-rights", read("mailbox"))
            .add("sieve", "list get", read("mailbox"))
            .add("fs", "get stat ls iter", read("mailbox"))
            .add("instance", "list", read("mail-server"))
            .add("process", "status", read("mail-server"))
            .add("service", "status", read("mail-server"))
            .add("director", "status map", read("mail-server"))
            .add("replicator", "status dsync-status", read("mail-server"))
            .add("proxy", "list", read("mail-server"))
            // a passdb lookup prints the user's password field
            .add("auth", "lookup cache", credential("mail-login"))
            .add("auth", "test login", read("mail-login"))
            .add("", "expunge", delete("mailbox").note("expunges mail from mailboxes: it is gone once purged"))
            .add("", "purge", delete("mailbox").note("purges expunged mail from storage for good"))
            .add("", "deduplicate", delete("mailbox").note("expunges mail it takes for duplicates"))
            .add("", "sync", update("mailbox").note("synchronizes mailboxes both ways with the destination"))
            .add("", "backup", delete("mailbox").note("makes the destination a copy of the source, deleting mail only the destination had"))
            .add("mailbox", "delete", delete("mailbox").note("deletes mailboxes and the mail in them"))
            .add("", "force-resync", update("mailbox").note("rebuilds mailbox indexes from the files"))
            .add("", "kick", update("mail-server").note("disconnects users' sessions"))
            .add("", "reload stop", update("mail-server").note("reloads or stops the Dovecot server"))
            .add("acl", "set add remove delete", grant("mailbox"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        String program = inv.program().equals("exim4") ? "exim" : inv.program();
        List<String> words = inv.words();
        return switch (program) {
            case "postsuper" -> List.of(postsuper(inv, words));
            case "postqueue" -> List.of(placed(inv, flagged(inv, POSTQUEUE, words).orElse(read("mail-queue"))
                    .operation(inv, "mail", idsOrQueue(inv, words, Set.of("-i", "-s"))).build()));
            case "postconf" -> List.of(placed(inv, postconf(inv, words)));
            case "postfix" -> List.of(placed(inv, POSTFIX.findOrGuess(positionals(words), 1, "mail-server").act()
                    .operation(inv, "mail", "postfix").build()));
            case "postmap", "postalias" -> List.of(placed(inv, lookupTable(inv, words)));
            case "exim" -> exim(inv, words);
            case "doveadm" -> List.of(doveadmPlaced(inv, doveadm(inv, words)));
            default -> List.of(placed(inv, read(READERS.contains(program) ? "mail-queue" : "mail-server")
                    .operation(inv, "mail", "").build()));
        };
    }

    private static Operation postsuper(Invocation inv, List<String> words) {
        Optional<Act> act = flagged(inv, POSTSUPER, words);
        if (act.isEmpty()) {
            // no action flag: postsuper alone still checks and repairs the queue's structure
            act = Optional.of(POSTSUPER.get("-s"));
        }
        String ids = idsOrQueue(inv, words, Set.of("-d", "-h", "-H", "-r"));
        Act a = act.get();
        // ALL is every message in the queue, not the server: many, like IDs read from stdin ("-") or several given
        if (words.contains("ALL") || ids.equals("-") || ids.isEmpty() || positionals(words).size() > 1
                || inv.args().stream().anyMatch(x -> !x.literal())) {
            a = a.many();
        }
        return placed(inv, a.operation(inv, "mail", ids).build());
    }

    /**
     * postconf prints settings unless told to edit: {@code -e}, a {@code name=value} operand (Postfix 2.8 and later
     * edit without {@code -e}), {@code -X} removes and {@code -#} comments out parameters.
     */
    private static Operation postconf(Invocation inv, List<String> words) {
        boolean edits = false;
        List<String> names = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("-") && !w.startsWith("--")) {
                edits |= w.indexOf('e', 1) > 0 || w.indexOf('X', 1) > 0 || w.indexOf('#', 1) > 0;
            } else {
                edits |= w.contains("=");
                names.add(w);
            }
        }
        Act act = edits ? update("mail-config").note("edits Postfix's main.cf or master.cf: the server's next reload applies it")
                : read("mail-config");
        return act.operation(inv, "mail", String.join(" ", names)).build();
    }

    /** postmap/postalias: {@code -q} and {@code -s} look up or dump a table; anything else rebuilds or edits it. */
    private static Operation lookupTable(Invocation inv, List<String> words) {
        boolean looks = words.contains("-q") || words.contains("-s");
        boolean edits = words.contains("-d") || words.contains("-i");
        String table = "";
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            if (!w.startsWith("-") && (i == 0 || !Set.of("-q", "-d", "-c").contains(words.get(i - 1)))) {
                table = w;
                break;
            }
        }
        String path = table.isEmpty() ? "" : inv.workspace().resolve(table.substring(table.indexOf(':') + 1));
        if (looks && !edits) {
            // a table of relay logins (sasl_passwd) answers with the password
            return (SecretFiles.isSecret(path) ? credential("credentials").note(inv.program() + " prints entries of " + table
                    + ", which hold passwords") : read("mail-config")).operation(inv, "mail", table).build();
        }
        return update("mail-config").note(inv.program() + " rebuilds or edits the lookup table " + table)
                .operation(inv, "mail", table).build();
    }

    private static List<Operation> exim(Invocation inv, List<String> words) {
        Optional<Act> act = flagged(inv, EXIM, words);
        if (act.isEmpty()) {
            return MailSenders.recognize(inv);
        }
        Act a = act.get();
        List<String> ids = positionals(words);
        if (a.verb() != Verb.READ && (ids.size() > 1 || inv.args().stream().anyMatch(x -> !x.literal()))) {
            a = a.many();
        }
        return List.of(placed(inv, a.operation(inv, "mail", String.join(" ", ids)).build()));
    }

    private static Operation doveadm(Invocation inv, List<String> words) {
        List<String> command = new ArrayList<>();
        Set<String> globalValued = Set.of("-f", "-o", "-c");
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                if (!command.isEmpty()) {
                    break;
                }
                if (globalValued.contains(w)) {
                    i++;
                }
                continue;
            }
            command.add(w);
        }
        Act act = DOVEADM.find(command).map(CommandTable.Found::act)
                .orElseGet(() -> command.isEmpty() ? read("mail-server") : update("mailbox"));
        if (act.verb() != Verb.READ && act.verb() != Verb.CREDENTIAL) {
            // every user's mailboxes (-A), a file of users (-F) or a user pattern: many mailboxes, not the server
            if (words.contains("-A") || words.contains("-F")
                    || value(words, "-u").filter(u -> u.contains("*") || u.contains("?")).isPresent()) {
                act = act.many();
            }
        }
        return act.operation(inv, "mail", value(words, "-u").orElse(words.contains("-A") ? "*" : "")).build();
    }

    /** The first of {@code table}'s flags given; short flags may be bundled ({@code -vd}). */
    private static Optional<Act> flagged(Invocation inv, Map<String, Act> table, List<String> words) {
        for (String w : words) {
            if (table.containsKey(w)) {
                return Optional.of(table.get(w));
            }
        }
        for (String w : words) {
            if (w.length() > 2 && w.startsWith("-") && !w.startsWith("--")) {
                for (char c : w.substring(1).toCharArray()) {
                    Act a = table.get("-" + c);
                    if (a != null && (a.verb() != Verb.READ || table != EXIM)) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The queue IDs (or {@code ALL}/{@code -}) after one of {@code flags}, else the other operands. */
    private static String idsOrQueue(Invocation inv, List<String> words, Set<String> flags) {
        for (int i = 0; i < words.size() - 1; i++) {
            if (flags.contains(words.get(i))) {
                return words.get(i + 1);
            }
        }
        return String.join(" ", positionals(words));
    }

    private static List<String> positionals(List<String> words) {
        return words.stream().filter(w -> !w.startsWith("-")).toList();
    }

    private static Optional<String> value(List<String> words, String flag) {
        int i = words.indexOf(flag);
        return i >= 0 && i + 1 < words.size() ? Optional.of(words.get(i + 1)) : Optional.empty();
    }

    /** A mail server's tools act on the machine they run on: this one, unless ssh, a pod or a container runs them. */
    /**
     * A dsync destination ({@code sync}/{@code backup} to {@code remote:HOST}, {@code tcp:HOST:PORT},
     * {@code tcps:HOST}) is that host's mail server; everything else doveadm does is this server's.
     */
    private static Operation doveadmPlaced(Invocation inv, Operation op) {
        for (String w : inv.words()) {
            java.util.regex.Matcher m = DSYNC_REMOTE.matcher(w);
            if (m.matches()) {
                return op.toBuilder().confidence(Confidence.INFERRED).locator("host", Hosts.of(m.group(1))).build();
            }
        }
        return placed(inv, op);
    }

    private static final java.util.regex.Pattern DSYNC_REMOTE = java.util.regex.Pattern.compile("(?:remote|tcps?):(?:[^@]+@)?(.+)");

    private static Operation placed(Invocation inv, Operation op) {
        Operation.Builder b = op.toBuilder().confidence(Confidence.INFERRED);
        return LocalFiles.local(inv, b, "the mail server on this machine").build();
    }
}
