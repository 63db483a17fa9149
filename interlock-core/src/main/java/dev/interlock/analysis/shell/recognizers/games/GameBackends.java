package dev.interlock.analysis.shell.recognizers.games;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Game backends' CLIs, one table each: Valve's {@code steamcmd} ({@link SteamCmd}), Unity Gaming Services' {@code ugs}
 * ({@link UnityGamingServices}), Epic's {@code BuildPatchTool} ({@link EpicBuildPatchTool}) and Roblox Open Cloud's
 * {@code rbxcloud} ({@link RobloxCloud}). They act on a live game's players, builds and economy, so their changes are
 * remote changes placed only by the environment they name (otherwise unknown), never an unfamiliar program's local run.
 */
public final class GameBackends implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("steamcmd", "steamcmd.sh", "steamcmd.exe", "ugs", "ugs.exe", "BuildPatchTool", "BuildPatchTool.exe",
                "buildpatchtool", "rbxcloud", "rbxcloud.exe");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        String program = inv.program().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(sh|exe)$", "");
        return switch (program) {
            case "steamcmd" -> SteamCmd.recognize(inv);
            case "ugs" -> List.of(UnityGamingServices.recognize(inv));
            case "buildpatchtool" -> List.of(EpicBuildPatchTool.recognize(inv));
            default -> List.of(RobloxCloud.recognize(inv));
        };
    }
}
