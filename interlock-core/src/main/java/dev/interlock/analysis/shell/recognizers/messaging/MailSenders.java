package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mail clients and SMTP tools: {@code mail}/{@code mailx}/{@code s-nail}, {@code mutt}/{@code neomutt},
 * {@code sendmail}, {@code msmtp} and {@code swaks}. Reading a mailbox, the queue or a server's capabilities
 * ({@code msmtp --serverinfo}) only reads. A note to the people the command names is routine; a message to a crowd
 * ({@link Recipients#crowd}) is a {@code transfer} a human sends, and so is an attached file. Mail to a catcher on this
 * machine (MailHog on {@code localhost:1025}) or to reserved test domains delivers nothing.
 */
final class MailSenders {

    private MailSenders() {
    }

    /** Per program: the flags that take a value, the flags naming recipients besides the operands, the attachment flags. */
    private record Client(Set<String> valued, Set<String> recipientFlags, Set<String> attachFlags, Set<String> readFlags) {
    }

    private static final Map<String, Client> CLIENTS = Map.of(
            "mail", new Client(Set.of("-s", "-c", "-b", "-r", "-a", "-A", "-S", "-q", "-f", "-u", "-E", "--subject",
                    "--cc", "--bcc", "--attach", "--append", "--return-address", "--file", "--content-type"),
                    Set.of("-c", "-b", "--cc", "--bcc"), Set.of("-a", "-A", "--attach"), Set.of("-f", "--file", "-H", "-e", "-N")),
            "mutt", new Client(Set.of("-s", "-c", "-b", "-a", "-F", "-f", "-e", "-i", "-H", "-m", "-Q", "-D"),
                    Set.of("-c", "-b"), Set.of("-a"), Set.of("-f", "-Q", "-D", "-v", "-A")),
            "sendmail", new Client(Set.of("-f", "-F", "-r", "-B", "-N", "-R", "-V", "-X", "-C", "-O", "-L", "-h", "-p", "-o"),
                    Set.of(), Set.of(), Set.of("-bp", "-bv", "-bt", "-d")),
            "msmtp", new Client(Set.of("-a", "-C", "-f", "--host", "--port", "--account", "--file", "--from", "--user",
                    "--tls", "--auth", "--logfile"), Set.of(), Set.of(), Set.of("--serverinfo", "-S", "--version", "--pretend", "-P",
                    "--rmqs", "--help")),
            "swaks", new Client(Set.of("--to", "-t", "--from", "-f", "--server", "-s", "--port", "-p", "--header", "--body",
                    "--attach", "--attach-type", "--auth-user", "--auth-password", "-au", "-ap", "--helo", "--protocol",
                    "--add-header", "--data", "-d", "--h-Subject", "--timeout"), Set.of("--to", "-t"),
                    Set.of("--attach"), Set.of("--help", "--version", "--dump")));

    static List<Operation> recognize(Invocation inv) {
        String family = switch (inv.program()) {
            case "mutt", "neomutt" -> "mutt";
            case "sendmail", "mailq" -> "sendmail";
            case "msmtp" -> "msmtp";
            case "swaks" -> "swaks";
            default -> "mail";
        };
        Client client = CLIENTS.get(family);
        ParsedArgs p = inv.parse(client.valued());
        if (inv.program().equals("mailq") || client.readFlags().stream().anyMatch(f -> p.has(f) || inv.words().contains(f))) {
            return List.of(read(inv, family, p));
        }
        List<Arg> addresses = new ArrayList<>();
        if (!family.equals("swaks")) {
            addresses.addAll(p.positionals());
        }
        addresses.addAll(p.afterDoubleDash());
        for (String flag : client.recipientFlags()) {
            p.flags().getOrDefault(flag, List.of()).forEach(v -> addresses.add(given(inv, v)));
        }
        Recipients to = recipients(addresses);
        boolean fromHeaders = p.has("-t", "--read-recipients") && !family.equals("swaks");
        if (to.none() && !fromHeaders) {
            return List.of(read(inv, family, p));
        }
        List<Operation> ops = new ArrayList<>();
        String server = p.value("--server", "-s", "--host").filter(s -> !family.equals("mail") && !family.equals("mutt")).orElse("");
        boolean catcher = Regex.matches(server, "(localhost|127\\.[\\d.]+|\\[?::1\\]?|mailhog|mailpit|mailcatcher|maildev)(:\\d+)?")
                || to.nowhere();
        Operation.Builder b = Operation.builder("mail", Verb.CREATE).resource("message", fromHeaders ? "" : to.names())
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (!server.isEmpty()) {
            b.locator("host", server.replaceFirst(":\\d+$", ""));
        }
        java.util.Optional<String> crowd = to.crowd();
        if (catcher) {
            LocalFiles.local(inv, b.note("a test message to a mail catcher or reserved test address; nothing is delivered"),
                    "mail that never leaves this machine");
        } else if (crowd.isPresent() || fromHeaders) {
            b.verb(Verb.TRANSFER).scope(Scope.MANY).reversible(false).note("sends a message to "
                    + crowd.orElse("the recipients in the message's own headers") + ": the team speaks to people outside it");
        } else {
            LocalFiles.local(inv, b.note("a message to the people it names"), "mail handed over for the recipients it names");
        }
        ops.add(b.build());
        for (String flag : client.attachFlags()) {
            for (String file : p.flags().getOrDefault(flag, List.of())) {
                if (file.isEmpty() || catcher || flag.equals("-a") && family.equals("mail") && file.contains(":")) {
                    continue; // mailutils' -a adds a header, not a file
                }
                String path = inv.workspace().resolve(file);
                ops.add(Operation.builder("mail", Verb.TRANSFER)
                        .resource(SecretFiles.isSecret(path) ? "credentials" : "file", path).locator("path", path)
                        .reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note("mails " + file + " to " + to.names()).build());
            }
        }
        return ops;
    }

    /** The addresses, a literal {@code a@x,b@y} split into its parts. */
    static Recipients recipients(List<Arg> addresses) {
        return new Recipients(addresses.stream().flatMap(a -> a.literal() && a.value().contains(",")
                ? java.util.Arrays.stream(a.value().split(",")).filter(v -> !v.isBlank()).map(v -> new Arg(v.strip(), true, false, a.evidence()))
                : java.util.stream.Stream.of(a)).toList());
    }

    /**
     * The word a flag's value came from, so that it keeps whether it was literal: {@code xargs -I{} swaks --to {}} and
     * {@code --to "$addr"} name recipients only known when the command runs.
     */
    static Arg given(Invocation inv, String value) {
        for (Arg a : inv.args()) {
            if (a.value().equals(value) || a.value().endsWith("=" + value) && a.value().startsWith("-")) {
                return a.value().equals(value) ? a : new Arg(value, a.literal(), a.glob(), a.evidence());
            }
        }
        return Arg.of(value);
    }

    /** Reading a mailbox, the queue, a configuration check or a server's capabilities. */
    private static Operation read(Invocation inv, String family, ParsedArgs p) {
        String server = p.value("--host", "--server", "-s").filter(s -> family.equals("msmtp") || family.equals("swaks")).orElse("");
        Operation.Builder b = Operation.builder("mail", Verb.READ).resource(server.isEmpty() ? "mailbox" : "mail-server", server)
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        return server.isEmpty() ? LocalFiles.local(inv, b, "reads mail on this machine").build()
                : b.locator("host", server).note("asks the server what it supports; sends nothing").build();
    }
}
