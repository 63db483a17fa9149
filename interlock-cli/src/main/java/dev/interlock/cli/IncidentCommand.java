package dev.interlock.cli;

import dev.interlock.json.Json;
import dev.interlock.server.audit.AuditReader;
import dev.interlock.server.audit.AuditVerifier;
import dev.interlock.server.report.Incident;
import dev.interlock.server.report.Timeline;
import dev.interlock.server.storage.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock incident}: what happened, which control allowed each step, who approved and how long they read. */
@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"An incident report from a server's audit log (its data directory, read offline): the audit chain verified",
                "first; the timeline; every allowed destructive or escalating step with the control that allowed it and the",
                "privileges in effect; approvals with reviewer and reading time (rubber stamps flagged); what was prevented;",
                "gaps; and the controls that failed or were missing — not which person."},
        footer = {"", "Examples:", "  interlock incident --data /var/lib/interlock --since 6h --environment prod",
                "  interlock incident --data /var/lib/interlock --session 7f3c… --format html --out incident.html"})
final class IncidentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The server's data directory.")
    Path data;

    @Option(names = "--file", paramLabel = "FILE", description = "An export (interlock audit export) instead of a data directory; needs --public-key.")
    Path file;

    @Option(names = "--public-key", paramLabel = "FILE", description = "With --file: the server's audit-ed25519.pub, to verify the export's chain.")
    Path publicKey;

    @Option(names = "--database", paramLabel = "URL", description = "The server's postgresql://… database (default: SQLite in DIR).")
    String database;

    @Option(names = "--since", paramLabel = "ISO|DURATION", description = "From (2026-12-04T06:00:00Z, or 6h ago).")
    String since;

    @Option(names = "--until", paramLabel = "ISO", description = "Until (default: now).")
    String until;

    @Option(names = "--agent", paramLabel = "A", description = "Decisions by this agent.")
    String agent;

    @Option(names = "--principal", paramLabel = "P", description = "Decisions for this principal.")
    String principal;

    @Option(names = "--session", paramLabel = "S", description = "Decisions in this session.")
    String session;

    @Option(names = "--resource", paramLabel = "TEXT", description = "Decisions naming this resource (deployment/api, payments, a table…).")
    String resource;

    @Option(names = "--environment", paramLabel = "ENV", description = "Decisions with an operation in this environment.")
    String environment;

    @Option(names = "--rubber-stamp", paramLabel = "DURATION", defaultValue = "30s", converter = Durations.Converter.class,
            description = "Approvals read for less than this are flagged (default: ${DEFAULT-VALUE}).")
    Duration rubberStamp;

    @Option(names = "--format", paramLabel = "markdown|json|html", defaultValue = "markdown", description = "Report format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE.")
    Path out;

    /** An export's events (its checkpoints are for the verification only). */
    private static List<dev.interlock.server.audit.AuditEvent> exported(Path file) throws IOException {
        List<dev.interlock.server.audit.AuditEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            var n = Json.MAPPER.readTree(line);
            if (n.has("type") && n.has("body")) {
                events.add(new dev.interlock.server.audit.AuditEvent(n.path("seq").asLong(), Instant.parse(n.path("at").asText()),
                        n.path("type").asText(), n.path("body").asText(), n.path("prev_hash").asText(), n.path("hash").asText()));
            }
        }
        return events;
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("markdown", "json", "html").contains(format)) {
            return Cli.usage(spec, "--format must be markdown, json or html");
        }
        Instant from;
        Instant to;
        try {
            from = since == null ? null : Durations.since(since, Instant.now());
            to = until == null ? null : Instant.parse(until);
        } catch (RuntimeException e) {
            return Cli.usage(spec, "--since/--until: " + e.getMessage());
        }
        List<String> needles = new ArrayList<>();
        if (agent != null) {
            needles.add("\"agent\":\"" + agent + "\"");
        }
        if (principal != null) {
            needles.add("\"principal\":\"" + principal + "\"");
        }
        if (session != null) {
            needles.add("\"session\":\"" + session + "\"");
        }
        if (environment != null) {
            needles.add("\"environment\":\"" + environment + "\"");
        }
        if (resource != null) {
            needles.add(resource);
        }
        if ((data == null) == (file == null)) {
            return Cli.usage(spec, "give exactly one of --data DIR and --file FILE");
        }
        if (file != null && publicKey == null) {
            return Cli.usage(spec, "--file needs --public-key FILE: an export cannot vouch for itself (use the server's audit-ed25519.pub)");
        }
        Incident report;
        Timeline.Filter filter = new Timeline.Filter(needles, from, to);
        try {
            if (file != null) {
                var chain = dev.interlock.server.audit.AuditExport.verify(file, OfflineAudit.trusted(List.of(publicKey), null));
                List<dev.interlock.server.audit.AuditEvent> events = exported(file);
                report = Incident.of((after, limit) -> events.stream().filter(e -> e.seq() > after).limit(limit).toList(), chain, filter,
                        (int) rubberStamp.toSeconds());
            } else {
                try (Database db = OfflineAudit.open(data, database)) {
                    var chain = new AuditVerifier(OfflineAudit.trusted(List.of(), data)).verify(db);
                    report = Incident.of(new AuditReader(db)::events, chain, filter, (int) rubberStamp.toSeconds());
                }
            }
        } catch (OfflineAudit.Problem | dev.interlock.server.audit.AuditExport.MalformedExportException e) {
            spec.commandLine().getErr().println("interlock incident: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        String text = switch (format) {
            case "json" -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()) + "\n";
            case "html" -> report.html();
            default -> report.markdown();
        };
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        }
        return report.chainOk() ? 0 : 1;
    }
}
