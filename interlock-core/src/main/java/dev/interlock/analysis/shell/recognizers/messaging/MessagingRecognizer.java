package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** Outbound messaging: mail clients and SMTP tools ({@link MailSenders}) and Twilio's CLI ({@link TwilioCli}). */
public final class MessagingRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("mail", "mailx", "s-nail", "bsd-mailx", "mutt", "neomutt", "sendmail", "mailq", "msmtp", "swaks", "twilio");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("twilio")) {
            return inv.args().isEmpty() ? List.of() : List.of(TwilioCli.recognize(inv));
        }
        return MailSenders.recognize(inv);
    }
}
