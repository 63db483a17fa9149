package dev.interlock.analysis.shell.recognizers.registries;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * kaniko's {@code executor} ({@code /kaniko/executor} in a build container): it builds an image from a Dockerfile with
 * no daemon. The build runs here; with {@code --no-push} the image stays here too (a {@code --tar-path} file, or
 * nothing). Otherwise each {@code --destination} is a push, placed by its registry's host as {@code docker push} is, and
 * a {@code --cache-repo} is written with cache layers. A program called executor with none of kaniko's own flags is
 * some other program, judged as any unfamiliar one.
 */
public final class Kaniko implements Recognizer {

    private static final Set<String> VALUED = Set.of("-c", "--context", "-f", "--dockerfile", "-d", "--destination",
            "--tar-path", "--cache-repo", "--cache-dir", "--cache-ttl", "--build-arg", "--target", "--label",
            "--digest-file", "--image-name-with-digest-file", "--image-name-tag-with-digest-file", "--oci-layout-path",
            "--kaniko-dir", "--snapshot-mode", "--registry-mirror", "--registry-map", "--insecure-registry",
            "--skip-tls-verify-registry", "--registry-certificate", "--registry-client-cert", "--custom-platform",
            "--verbosity", "-v", "--log-format", "--ignore-path", "--push-retry", "--image-fs-extract-retry",
            "--image-download-retry", "--git", "--compression", "--compression-level", "--context-sub-path");
    /** Flags only kaniko's executor takes. */
    private static final Set<String> OWN = Set.of("--dockerfile", "--destination", "--no-push", "--tar-path",
            "--context", "--cache-repo", "--context-sub-path");

    @Override
    public Set<String> programs() {
        return Set.of("executor");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        // -d with -c or -f is kaniko's short form (-c . -f Dockerfile -d REF)
        boolean kaniko = p.flags().keySet().stream().anyMatch(OWN::contains) || p.has("-d") && p.has("-c", "-f");
        if (!kaniko) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        List<String> destinations = new ArrayList<>(p.flags().getOrDefault("-d", List.of()));
        destinations.addAll(p.flags().getOrDefault("--destination", List.of()));
        String context = p.value("-c", "--context").orElse(inv.workspace().cwd());
        List<Operation> ops = new ArrayList<>();
        ops.add(LocalFiles.execute(inv, "executor", "kaniko builds the image from " + context + " here"));
        p.value("--tar-path").ifPresent(tar -> ops.add(RegistryTools.imageWritten(inv, ImageReference.inFiles(tar, tar),
                "kaniko writes the image to")));
        if (p.has("--no-push")) {
            return ops;
        }
        for (String destination : destinations) {
            ops.add(RegistryTools.imageWritten(inv, ImageReference.of(destination), "kaniko pushes the image to"));
        }
        boolean cache = p.value("--cache").map(v -> !v.equals("false")).orElse(p.has("--cache"));
        if (cache && !p.has("--no-push-cache")) {
            p.value("--cache-repo").ifPresent(repo -> ops.add(RegistryTools.imageWritten(inv, ImageReference.of(repo),
                    "kaniko pushes cache layers to")));
        }
        return ops;
    }
}
