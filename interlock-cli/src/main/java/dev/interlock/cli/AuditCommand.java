package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code interlock audit}: the hash-chained event log. {@code tail}, {@code export} and the online {@code verify} read
 * a running server (approver token).
 *
 * <p>INTEGRATION POINT: the offline {@code audit verify --data DIR} and {@code audit export --data DIR} live in
 * {@code dev.interlock.server.audit}. Wire them into {@link Verify} and {@link Export} below (a {@code --data} option
 * that, when given, reads the data directory instead of calling the server), keeping the online paths as they are.
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
    static final class Tail implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions server = new ServerOptions();

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
                    "  interlock audit export --since 2025-01-31T00:00:00Z --format jsonl | gzip > audit.jsonl.gz"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--since", paramLabel = "ISO|DURATION",
                description = "Events at or after this instant (2025-01-31T12:00:00Z) or this long ago (24h). Default: all.")
        String since;

        @Option(names = "--format", paramLabel = "jsonl", description = "jsonl (the only format).")
        String format = "jsonl";

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl")) {
                return Cli.usage(spec, "--format must be jsonl, not '" + format + "'");
            }
            Instant from;
            try {
                from = since == null ? Instant.MIN : Durations.since(since, Instant.now());
            } catch (IllegalArgumentException e) {
                return Cli.usage(spec, "--since: " + e.getMessage());
            }
            ServerClient client = server.client();
            long[] count = {0};
            try (Writer w = file == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
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
            if (file != null) {
                spec.commandLine().getErr().println("exported " + count[0] + " events to " + file);
            }
            return 0;
        }
    }

    /** Online verify. INTEGRATION POINT: the offline verify ({@code --data DIR}) joins this command. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Ask the server to recompute the hash chain and checkpoint signatures.",
                    "Exit 0 when intact; 1 when a link is broken (named) or the check could not run."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptions server = new ServerOptions();

        @Override
        public Integer call() {
            JsonNode answer = server.client().get("/v1/audit/verify");
            if (answer.path("ok").asBoolean(false)) {
                spec.commandLine().getOut().println("audit log intact: " + Answers.text(answer, "events") + " events, "
                        + Answers.text(answer, "checkpoints") + " checkpoints");
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getErr().println("audit log BROKEN at seq " + Answers.text(answer, "first_broken_seq") + ": "
                    + Answers.text(answer, "message"));
            spec.commandLine().getErr().flush();
            return Main.INTERNAL_ERROR;
        }
    }
}
