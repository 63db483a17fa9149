package dev.interlock.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The two ways a server command stops early: a usage error (exit 2) in one line with where to look. */
final class Cli {

    private Cli() {
    }

    static int usage(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().println("Try '" + spec.qualifiedName() + " --help'.");
        spec.commandLine().getErr().flush();
        return Main.USAGE;
    }

    /** {@code --format text|json}; false (after saying so) for anything else. */
    static boolean format(CommandSpec spec, String format) {
        if (format.equals("text") || format.equals("json")) {
            return true;
        }
        usage(spec, "--format must be text or json, not '" + format + "'");
        return false;
    }
}
