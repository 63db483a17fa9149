package dev.interlock.analysis.plan;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.model.Plan;
import dev.interlock.model.RequestKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real plan documents in {@code ../shared/fixtures} and Interlock's own in {@code src/test/resources/plans}. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code ../shared/fixtures/DIR/NAME} beside the checkout (CI and every machine of this kind have it). */
    static Path shared(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("fixtures").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("../shared/fixtures/" + relative + " not found beside the checkout");
    }

    static Path own(String relative) {
        return Path.of("src/test/resources/plans").resolve(relative);
    }

    static Plan read(Path file) {
        return read(file, Optional.empty());
    }

    static Plan read(Path file, Optional<RequestKind> kind) {
        try (InputStream in = Files.newInputStream(file)) {
            return Plans.read(in, kind, ManifestAction.APPLY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Catalogue catalogue() {
        return Catalogue.shipped();
    }
}
