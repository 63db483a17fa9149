package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.packages.Publishing;
import dev.interlock.analysis.shell.recognizers.registries.ImageReference;
import dev.interlock.analysis.shell.recognizers.registries.RegistryTools;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replicate's Cog, {@code cog}: building, predicting, training and serving run the model's container on this machine.
 * {@code push} sends the image off it: to Replicate ({@code r8.im/OWNER/MODEL}) it publishes a new version of the model
 * to everyone who can run it; to another registry it is an image push, placed by the registry's host as
 * {@code docker push} is. With no image named, cog.yaml's {@code image} decides, which the command line does not show.
 */
final class Cog {

    private Cog() {
    }

    private static final String REPLICATE = "r8.im";
    private static final Set<String> VALUED = Set.of("-t", "--tag", "-i", "--input", "-o", "--output", "-e", "--env",
            "-p", "--port", "-f", "--file", "--secret", "--progress");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "build predict train run serve debug init migrate", local("model"))
            .add("", "login", local("token").note("stores a Replicate token on this machine"))
            .build();

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (!words.isEmpty() && words.getFirst().equals("push")) {
            String image = words.size() > 1 ? words.get(1) : "";
            ImageReference ref = ImageReference.of(image);
            if (image.isEmpty() || ref.host().equals(REPLICATE)) {
                return Optional.of(Publishing.publishTo(inv, image, "cog push", image.isEmpty() ? "" : REPLICATE));
            }
            return Optional.of(RegistryTools.imageWritten(inv, ref, "cog push writes"));
        }
        return COMMANDS.find(words).map(found -> found.act().operation(inv, "cog", found.name(words)).build());
    }
}
