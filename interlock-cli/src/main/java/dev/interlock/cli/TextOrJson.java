package dev.interlock.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --format text|json} of the commands that show a server's answer: readable text (default), or that answer. */
final class TextOrJson {

    @Option(names = "--format", paramLabel = "text|json", description = "text (default) or json (the server's answer).")
    String format = "text";

    /** True when the value is one of the two; else false, after a usage error that names it. */
    boolean valid(CommandSpec spec) {
        return Cli.format(spec, format);
    }
}
