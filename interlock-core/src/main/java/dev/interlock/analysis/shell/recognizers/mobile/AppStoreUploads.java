package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's upload tools, usually run through {@code xcrun}: {@code altool} and {@code iTMSTransporter}. An upload puts a
 * build on the app's App Store Connect record (TestFlight and review take it from there), judged like fastlane's
 * {@code deliver}: an update of the app in an environment nothing names. Listings, validations and status queries only
 * read; notarization and everything else are judged like any unfamiliar program ({@link UnrecognizedProgram}).
 */
public final class AppStoreUploads implements Recognizer {

    /** altool's operations (its first {@code --} option) and what they do to App Store Connect. */
    private static final Map<String, Verb> ALTOOL = Map.ofEntries(Map.entry("--upload-app", Verb.UPDATE),
            Map.entry("--upload-package", Verb.UPDATE), Map.entry("--upload-hash", Verb.UPDATE),
            Map.entry("--list-apps", Verb.READ), Map.entry("--list-providers", Verb.READ), Map.entry("--validate-app", Verb.READ),
            Map.entry("--notarization-info", Verb.READ), Map.entry("--notarization-history", Verb.READ),
            Map.entry("--build-status", Verb.READ), Map.entry("--list-keys", Verb.READ));
    /** iTMSTransporter's modes ({@code -m upload}). */
    private static final Map<String, Verb> TRANSPORTER = Map.of("upload", Verb.UPDATE, "verify", Verb.READ,
            "lookupMetadata", Verb.READ, "status", Verb.READ, "statusAll", Verb.READ, "provider", Verb.READ,
            "listProviders", Verb.READ, "diagnostic", Verb.READ);

    @Override
    public Set<String> programs() {
        return Set.of("altool", "iTMSTransporter");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        Optional<String> operation = inv.program().equals("altool")
                ? words.stream().filter(ALTOOL::containsKey).findFirst()
                : inv.parse(Set.of("-m")).value("-m").filter(TRANSPORTER::containsKey);
        if (operation.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Verb verb = (inv.program().equals("altool") ? ALTOOL : TRANSPORTER).get(operation.get());
        String file = inv.parse(Set.of("-f", "--file", "-assetFile")).value("-f", "--file", "-assetFile").orElse("");
        Operation.Builder b = Operation.builder("app-store", verb).resource("app", file).confidence(Confidence.INFERRED)
                .evidence(inv.evidence());
        if (verb == Verb.UPDATE) {
            b.note(inv.program() + " " + operation.get() + " uploads the build to App Store Connect, where TestFlight and review take it");
        }
        return List.of(b.build());
    }
}
