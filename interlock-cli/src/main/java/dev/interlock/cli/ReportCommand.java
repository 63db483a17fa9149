package dev.interlock.cli;

import dev.interlock.json.Json;
import dev.interlock.server.approval.GrantService;
import dev.interlock.server.audit.AuditReader;
import dev.interlock.server.report.Safety;
import dev.interlock.server.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock report}: figures a team should track about its agents' safety. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports from the audit log.",
        subcommands = {ReportCommand.SafetyReport.class})
final class ReportCommand {

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = {"The safety figures of a period, from a server's data directory (offline): decisions by effect, blind spots,",
                    "destructive actions stopped by system, approvals and reading times (rubber stamps), top rules, risky agents,",
                    "grants in force — what a team should track instead of adoption counts."},
            footer = {"", "Example:", "  interlock report safety --data /var/lib/interlock --days 7 --format markdown"})
    static final class SafetyReport implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", required = true, description = "The server's data directory.")
        Path data;

        @Option(names = "--database", paramLabel = "URL", description = "The server's postgresql://… database (default: SQLite in DIR).")
        String database;

        @Option(names = "--days", defaultValue = "30", description = "The period, in days up to now (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--rubber-stamp", paramLabel = "DURATION", defaultValue = "30s", converter = Durations.Converter.class,
                description = "Approvals read for less than this count as rubber stamps (default: ${DEFAULT-VALUE}).")
        Duration rubberStamp;

        @Option(names = "--format", paramLabel = "markdown|json", defaultValue = "markdown", description = "Output (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() throws Exception {
            if (!format.equals("markdown") && !format.equals("json")) {
                return Cli.usage(spec, "--format must be markdown or json");
            }
            if (days < 1) {
                return Cli.usage(spec, "--days must be at least 1");
            }
            Safety.Figures figures;
            try (Database db = OfflineAudit.open(data, database)) {
                Clock clock = Clock.systemUTC();
                figures = Safety.of(new AuditReader(db)::events, new GrantService(db, clock).list(true), (int) rubberStamp.toSeconds(), clock.instant(), days);
            } catch (OfflineAudit.Problem e) {
                spec.commandLine().getErr().println("interlock report safety: " + e.getMessage());
                return Main.INTERNAL_ERROR;
            }
            spec.commandLine().getOut().print(format.equals("json")
                    ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n" : Safety.markdown(figures));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
