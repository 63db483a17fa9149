package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.audit.AuditExport;
import dev.interlock.server.audit.AuditVerifier;
import dev.interlock.server.audit.Verification;
import dev.interlock.server.storage.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code interlock audit}: the hash-chained event log. {@code tail} reads a running server (approver token);
 * {@code export} and {@code verify} read a server, or with {@code --data DIR} the data directory itself (offline, see
 * {@link OfflineAudit}), and {@code verify --file} checks an export against a public key.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read, export and verify the audit log.",
        subcommands = {AuditCommand.Tail.class, AuditCommand.Export.class, AuditCommand.Verify.class})
final class AuditCommand {

    /** The server answers at most this many events a page. */
    static final int PAGE = 1000;

    /**
     * Pages through {@code /v1/audit} from {@code after}; returns the last seq seen. The cursor is the highest seq
     * received rather than the answer's {@code next}, so no reading of {@code next} can skip or repeat an event.
     */
    static long page(ServerClient client, long after, Consumer<JsonNode> each) {
        long seq = after;
        while (true) {
            List<JsonNode> events = Answers.items(client.get("/v1/audit?after=" + seq + "&limit=" + PAGE), "events");
            long last = seq;
            for (JsonNode e : events) {
                if (e.path("seq").asLong(-1) > seq) {
                    each.accept(e);
                    last = Math.max(last, e.path("seq").asLong());
                }
            }
            if (last == seq || events.size() < PAGE) {
                return last;
            }
            seq = last;
        }
    }

    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"The latest events, one line each: seq, time, type, what happened.",
                    "Without --after, the last -n events (the log is read from the start to find them)."})
    static final class Tail extends ServerSubcommand {
        @Option(names = {"-f", "--follow"}, description = "Keep printing new events (polls every second) until interrupted.")
        boolean follow;

        @Option(names = "--after", paramLabel = "SEQ", description = "Every event after SEQ (instead of the last -n).")
        Long after;

        @Option(names = "-n", paramLabel = "N", description = "How many of the latest events without --after (default: 20).")
        int lines = 20;

        @Override
        public Integer call() throws InterruptedException {
            if (lines < 0 || after != null && after < 0) {
                return Cli.usage(spec, "-n and --after must not be negative");
            }
            ServerClient client = server.client();
            PrintWriter out = spec.commandLine().getOut();
            long seq;
            if (after != null) {
                seq = page(client, after, e -> out.println(AuditLine.of(e)));
            } else {
                Deque<JsonNode> last = new ArrayDeque<>();
                seq = page(client, 0, e -> {
                    last.addLast(e);
                    if (last.size() > lines) {
                        last.removeFirst();
                    }
                });
                last.forEach(e -> out.println(AuditLine.of(e)));
            }
            out.flush();
            while (follow) {
                Thread.sleep(1000);
                seq = page(client, seq, e -> out.println(AuditLine.of(e)));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export events as JSON Lines (seq, at, type, body, prev_hash, hash), oldest first.",
            footer = {"", "Examples:", "  interlock audit export --since 24h --out audit.jsonl",
                    "  interlock audit export --since 2025-01-31T00:00:00Z --format jsonl | gzip > audit.jsonl.gz",
                    "  interlock audit export --data /var/lib/interlock --out audit.jsonl     (offline, no server)"})
    static final class Export extends ServerSubcommand {
        @Option(names = "--since", paramLabel = "ISO|DURATION",
                description = "Events at or after this instant (2025-01-31T12:00:00Z) or this long ago (24h). Default: all.")
        String since;

        @Option(names = "--format", paramLabel = "jsonl", description = "jsonl (the only format).")
        String format = "jsonl";

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path file;

        @Option(names = "--data", paramLabel = "DIR", description = "Read this data directory instead of a server (offline).")
        Path data;

        @Option(names = "--database", paramLabel = "URL", description = "With --data: the server's postgresql://… database (default: SQLite in DIR).")
        String database;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl")) {
                return Cli.usage(spec, "--format must be jsonl, not '" + format + "'");
            }
            if (data != null && server.server != null) {
                return Cli.usage(spec, "give either --server (online) or --data (offline), not both");
            }
            if (database != null && data == null) {
                return Cli.usage(spec, "--database needs --data DIR (the data directory holds the audit key)");
            }
            Instant from;
            try {
                from = since == null ? null : Durations.since(since, Instant.now());
            } catch (IllegalArgumentException e) {
                return Cli.usage(spec, "--since: " + e.getMessage());
            }
            long count;
            if (data != null) {
                // The database is opened before the output file, so a wrong --data leaves no empty export behind.
                try (Database db = OfflineAudit.open(data, database); Writer w = output()) {
                    // The epoch, not Instant.MIN: the reader compares epoch milliseconds.
                    count = AuditExport.write(db, from == null ? Instant.EPOCH : from, w);
                }
            } else {
                try (Writer w = output()) {
                    count = online(w, from == null ? Instant.MIN : from);
                }
            }
            if (file != null) {
                spec.commandLine().getErr().println("exported " + count + " events to " + file);
            }
            return 0;
        }

        private Writer output() throws IOException {
            return file == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        private long online(Writer w, Instant from) throws IOException {
            ServerClient client = server.client();
            long[] count = {0};
            try {
                page(client, 0, e -> {
                    if (Answers.instant(e, "at").map(at -> !at.isBefore(from)).orElse(true)) {
                        try {
                            w.write(Answers.json(e));
                            w.write('\n');
                            count[0]++;
                        } catch (IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            return count[0];
        }
    }

    /** Verify online (the server recomputes), offline (a data directory), or an export file (with a public key). */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the hash chain and check the signed checkpoints: on the server (--server, the default),",
                    "offline in a data directory (--data DIR), or in an export (--file FILE --public-key FILE).",
                    "Exit 0 when intact; 1 when a link is broken (named) or the check could not run."},
            footer = {"", "Examples:", "  interlock audit verify --server http://127.0.0.1:8470 --token-file approver.token",
                    "  interlock audit verify --data /var/lib/interlock",
                    "  interlock audit verify --file audit.jsonl --public-key audit-ed25519.pub"})
    static final class Verify extends ServerSubcommand {
        @Option(names = "--data", paramLabel = "DIR", description = "Verify this data directory offline (no server needed).")
        Path data;

        @Option(names = "--database", paramLabel = "URL", description = "With --data: the server's postgresql://… database (default: SQLite in DIR).")
        String database;

        @Option(names = "--file", paramLabel = "FILE", description = "Verify an export (interlock audit export) offline.")
        Path file;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Trust checkpoints signed by this key (repeatable). Default with --data: DIR/audit-ed25519.pub and DIR/trusted-keys/*.pub.")
        List<Path> publicKeys = new ArrayList<>();

        @Option(names = "--format", paramLabel = "text|json", description = "text (one line, default) or json.")
        String format = "text";

        @Override
        public Integer call() throws IOException {
            if (!Cli.format(spec, format)) {
                return Main.USAGE;
            }
            int sources = (server.server != null ? 1 : 0) + (data != null ? 1 : 0) + (file != null ? 1 : 0);
            if (sources > 1) {
                return Cli.usage(spec, "give exactly one of --server URL (online), --data DIR (offline) or --file FILE (an export)");
            }
            if (database != null && data == null) {
                return Cli.usage(spec, "--database needs --data DIR (the data directory holds the trusted key)");
            }
            if (file != null && publicKeys.isEmpty()) {
                return Cli.usage(spec, "--file needs --public-key FILE: an export cannot vouch for itself (use the server's audit-ed25519.pub)");
            }
            if (data == null && file == null) {
                if (!publicKeys.isEmpty()) {
                    return Cli.usage(spec, "--public-key goes with --data or --file; the server verifies with its own trusted keys");
                }
                return online();
            }
            Verification v;
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new OfflineAudit.Problem("no such export file: " + file);
                }
                v = AuditExport.verify(file, OfflineAudit.trusted(publicKeys, null));
            } else {
                // The directory is checked first: a mistyped --data should say so, not that a key is missing.
                try (Database db = OfflineAudit.open(data, database)) {
                    v = new AuditVerifier(OfflineAudit.trusted(publicKeys, data)).verify(db);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(format.equals("json") ? OfflineAudit.json(v) : OfflineAudit.text(v));
            out.flush();
            return v.ok() ? 0 : Main.INTERNAL_ERROR;
        }

        private int online() {
            JsonNode answer = server.client().get("/v1/audit/verify");
            boolean ok = answer.path("ok").asBoolean(false);
            if (format.equals("json")) {
                say(Answers.json(answer));
                return ok ? 0 : Main.INTERNAL_ERROR;
            }
            if (ok) {
                return say("audit log intact: " + Answers.text(answer, "events") + " events, "
                        + Answers.text(answer, "checkpoints") + " checkpoints");
            }
            spec.commandLine().getErr().println("audit log BROKEN at seq " + Answers.text(answer, "first_broken_seq") + ": "
                    + Answers.text(answer, "message"));
            spec.commandLine().getErr().flush();
            return Main.INTERNAL_ERROR;
        }
    }
}
