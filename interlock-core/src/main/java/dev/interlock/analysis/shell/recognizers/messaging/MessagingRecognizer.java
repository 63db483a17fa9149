package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Messaging: mail clients and SMTP tools ({@link MailSenders}), the mail servers' own administration tools
 * ({@link MailServers}), Twilio's CLI ({@link TwilioCli}) and Postmark's ({@link PostmarkCli}). One recognizer, since {@code exim} is both a server's
 * administration tool and a {@code sendmail}.
 */
public final class MessagingRecognizer implements Recognizer {

    private static final Set<String> PROGRAMS = programs(Set.of("mail", "mailx", "s-nail", "bsd-mailx", "mutt", "neomutt",
            "sendmail", "mailq", "msmtp", "swaks", "twilio", "postmark", "mailman"), MailServers.PROGRAMS);

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("twilio")) {
            return inv.args().isEmpty() ? List.of() : List.of(TwilioCli.recognize(inv));
        }
        if (inv.program().equals("postmark")) {
            return inv.args().isEmpty() ? List.of() : PostmarkCli.recognize(inv);
        }
        if (inv.program().equals("mailman")) {
            return inv.args().isEmpty() ? List.of() : List.of(Mailman.recognize(inv));
        }
        if (MailServers.PROGRAMS.contains(inv.program())) {
            return MailServers.recognize(inv);
        }
        return MailSenders.recognize(inv);
    }

    private static Set<String> programs(Set<String> senders, Set<String> servers) {
        Set<String> all = new HashSet<>(senders);
        all.addAll(servers);
        return Set.copyOf(all);
    }
}
