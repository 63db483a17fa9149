package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chromium-based browsers run from the shell ({@code google-chrome --headless --dump-dom URL}, {@code chromium
 * --screenshot=shot.png URL}, {@code --print-to-pdf}): the pages named are fetched, as {@code curl URL} fetches them
 * ({@code file://} reads that file), and the capture is a file written, as {@code > FILE} writes it. Their switches
 * are not subcommands: {@code --disable-gpu} disables nothing of anyone's. What does more: switches whose value is a
 * command the browser starts ({@code --renderer-cmd-prefix}, {@code --gpu-launcher}, …: judged as that command), a debugging port
 * opened beyond this machine (anyone who reaches it drives the browser), and a headless capture made with the user's
 * own signed-in profile ({@code --user-data-dir ~/.config/google-chrome}: the pages come with their cookies); a headless
 * browser otherwise starts with a fresh profile.
 */
public final class HeadlessBrowsers implements Recognizer {

    /** Switches whose value is a command line the browser runs. */
    private static final Set<String> LAUNCHERS = Set.of("--renderer-cmd-prefix", "--gpu-launcher", "--utility-cmd-prefix",
            "--browser-subprocess-path", "--plugin-launcher", "--ppapi-plugin-launcher", "--zygote-cmd-prefix");
    /** Capture switches and the file each writes when given no value. */
    private static final Map<String, String> CAPTURES = Map.of("--screenshot", "screenshot.png", "--print-to-pdf", "output.pdf");
    /** The user's own browser profiles (Linux and macOS), where their logins live. */
    private static final String USER_PROFILE = "(?i).*/(\\.config/(google-chrome[^/]*|chromium|BraveSoftware/[^/]+|microsoft-edge[^/]*|vivaldi)"
            + "|Library/Application Support/(Google/Chrome[^/]*|Chromium|BraveSoftware/[^/]+|Microsoft Edge[^/]*|Vivaldi))/?";

    @Override
    public Set<String> programs() {
        return Set.of("chrome", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "google-chrome-beta",
                "google-chrome-unstable", "chrome-headless-shell", "headless_shell", "microsoft-edge", "microsoft-edge-stable",
                "microsoft-edge-beta", "msedge", "brave-browser", "Google Chrome", "Google Chrome Canary", "Chromium",
                "Microsoft Edge", "Brave Browser");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        boolean headless = inv.program().contains("headless");
        boolean captures = false;
        String dataDir = "";
        List<String> urls = new ArrayList<>();
        for (Arg a : inv.args()) {
            String w = a.value();
            int eq = w.indexOf('=');
            String name = w.startsWith("--") && eq > 0 ? w.substring(0, eq) : w;
            String value = w.startsWith("--") && eq > 0 ? w.substring(eq + 1) : "";
            if (name.equals("--headless")) {
                headless = true;
            } else if (LAUNCHERS.contains(name)) {
                // the command runs with the browser's own arguments appended: judged as the command it starts
                ops.addAll(value.isBlank() ? List.of(LocalFiles.opaque(inv, name + " makes the browser start a command"))
                        : nested.shell(value, inv));
            } else if (CAPTURES.containsKey(name)) {
                captures = true;
                // the capture is written as a redirect writes it (so a start-up file or a protected path is judged as one)
                nested.shell("true > " + Arg.of(value.isEmpty() ? CAPTURES.get(name) : value).shellText(), inv).stream()
                        .filter(op -> !op.system().equals("process")).forEach(ops::add);
            } else if (name.equals("--dump-dom") || name.equals("--remote-debugging-port") || name.equals("--remote-debugging-pipe")) {
                captures = true;
            } else if (name.equals("--remote-debugging-address") && !Regex.matches(value, "127\\.0\\.0\\.1|localhost|::1|\\[::1]")) {
                ops.add(LocalFiles.local(inv, Operation.builder("network", Verb.TRANSFER).resource("port", "browser debugging")
                        .evidence(inv.evidence()).confidence(Confidence.INFERRED).note("opens the browser's debugging port on " + value
                                + ": whoever reaches it drives the browser and reads its pages"), "a port of this machine").build());
            } else if (name.equals("--user-data-dir")) {
                dataDir = value;
            } else if (!w.startsWith("-") && Regex.matches(w, "(?i)(https?|file)://.*")) {
                urls.add(w);
            }
        }
        for (String url : urls) {
            ops.addAll(nested.shell(url.regionMatches(true, 0, "file://", 0, 7)
                    ? "cat " + Arg.of(url.substring(7)).shellText() : "curl -s " + Arg.of(url).shellText(), inv));
        }
        String profile = dataDir.isEmpty() ? "" : inv.workspace().resolve(dataDir);
        if (headless && captures && Regex.matches(profile, USER_PROFILE)) {
            ops.add(LocalFiles.local(inv, Operation.builder("browser", Verb.CREDENTIAL).resource("profile", dataDir).locator("path", profile)
                    .evidence(inv.evidence()).confidence(Confidence.INFERRED)
                    .note("captures pages with the user's own browser profile: its cookies and logins come with them"),
                    "a browser profile on this machine").build());
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.execute(inv, inv.program(), headless ? "runs a headless browser" : "opens the browser"));
        }
        return ops;
    }
}
