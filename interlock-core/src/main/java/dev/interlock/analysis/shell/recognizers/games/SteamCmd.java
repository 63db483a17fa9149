package dev.interlock.analysis.shell.recognizers.games;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code steamcmd +login … +run_app_build app_build.vdf +quit}: each {@code +command} is one act. A build script uploads
 * a build to the app's depots on Steam, and when its {@code setlive} names a branch the same run releases the build to
 * that branch's players; which it does is in the VDF, not on the command line (and a {@code sed} beforehand may set it),
 * so every build upload is a change of the app on Steam, whose environment nothing names. Installing, validating and
 * printing an app's info happen here.
 */
final class SteamCmd {

    private SteamCmd() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "+run_app_build +run_app_build_http", create("game-build")
                    .note("uploads a build to Steam; a build script whose setlive names a branch also releases it to that branch's players"))
            .add("", "+workshop_build_item", create("workshop-item").note("uploads a Steam Workshop item"))
            .add("", "+login +logout +quit +exit +app_update +app_info_print +app_info_update +app_status +force_install_dir"
                    + " +download_depot +workshop_download_item +licenses_print +set_steam_guard_code +info +help +@sSteamCmdForcePlatformType"
                    + " +app_license_request +app_uninstall", local("steamcmd"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value().toLowerCase(Locale.ROOT);
            if (!w.startsWith("+")) {
                continue;
            }
            CommandTable.Found found = TABLE.find(List.of(w)).orElse(null);
            if (found == null || found.act().here()) {
                continue;
            }
            String script = i + 1 < args.size() ? args.get(i + 1).value() : "";
            ops.add(found.act().placed(inv, "steam", script, Map.of(), Tier.UNKNOWN, ""));
        }
        if (ops.isEmpty()) {
            ops.add(local("steamcmd").note("installs, updates or inspects apps on this machine").operation(inv, "steam", "steamcmd").build());
        }
        return ops;
    }
}
