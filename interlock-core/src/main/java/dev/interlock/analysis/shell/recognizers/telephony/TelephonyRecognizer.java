package dev.interlock.analysis.shell.recognizers.telephony;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Telephony: the PBX and SIP servers' consoles ({@link PbxConsoles}) and contact-centre and voice-API CLIs
 * ({@link ContactCentreClis}). Twilio's CLI lives with messaging ({@code messaging.TwilioCli}) and Amazon Connect with
 * the aws recognizer.
 */
public final class TelephonyRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("asterisk", "fs_cli", "kamcmd", "kamctl", "kamcli", "archy", "vonage", "nexmo");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        return switch (inv.program()) {
            case "asterisk" -> PbxConsoles.asterisk(inv);
            case "fs_cli" -> PbxConsoles.freeswitch(inv);
            case "archy" -> words.isEmpty() ? List.of() : List.of(ContactCentreClis.archy(inv));
            case "vonage", "nexmo" -> words.isEmpty() ? List.of() : List.of(ContactCentreClis.vonage(inv));
            default -> PbxConsoles.kamailio(inv);
        };
    }
}
