package dev.interlock.analysis.shell.recognizers.games;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Epic's {@code BuildPatchTool -mode=…}: {@code UploadBinary} adds a build to the artifact's store (unlabelled: no
 * player gets it yet), {@code LabelBinary} gives a build a label such as {@code Live} and so releases it to the players
 * of that label and platform, {@code UnlabelBinary} takes it away; {@code ListBinaries} reads; the chunking, diffing and
 * verifying modes work on files here.
 */
final class EpicBuildPatchTool {

    private EpicBuildPatchTool() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "uploadbinary", create("game-build").note("uploads a build to the Epic artifact, unlabelled"))
            .add("", "labelbinary", update("game-release").note("labels a build, releasing it to the players of that label"))
            .add("", "unlabelbinary", update("game-release").note("takes a label off a build, changing what players get"))
            .add("", "listbinaries listlabels", read("game-build"))
            .add("", "packagechunks chunkdeltaoptimise compactify diffmanifests enumeration mergemanifests verifychunks"
                    + " automation", local("buildpatchtool"))
            .build();

    static Operation recognize(Invocation inv) {
        Map<String, String> options = new HashMap<>();
        for (Arg a : inv.args()) {
            String w = a.value();
            int eq = w.indexOf('=');
            if (w.startsWith("-") && eq > 1) {
                options.put(w.substring(1, eq).toLowerCase(Locale.ROOT), w.substring(eq + 1));
            }
        }
        String mode = options.getOrDefault("mode", "").toLowerCase(Locale.ROOT);
        CommandTable.Found found = TABLE.findOrGuess(List.of(mode), 1, "game-build");
        String build = options.getOrDefault("buildversion", options.getOrDefault("artifactid", ""));
        return found.act().placed(inv, "epic", build, Map.of("environment", options.getOrDefault("label", ""),
                "project", options.getOrDefault("sandboxid", "")), Tier.UNKNOWN, "");
    }
}
