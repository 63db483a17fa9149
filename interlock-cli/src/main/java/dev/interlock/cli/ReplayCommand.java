package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.Interlock;
import dev.interlock.json.Json;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Effect;
import dev.interlock.model.Wire;
import dev.interlock.policy.PolicyException;
import dev.interlock.replay.Replay;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditReader;
import dev.interlock.server.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock replay}: what a candidate policy would change, on requests agents really made. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Decide recorded requests with a candidate policy and compare with what was decided then:",
                "which become stricter, which looser, grouped by rule. Exit 3 when the candidate loosens anything",
                "(unless --allow-loosening), 1 when input or policy is bad, 0 otherwise."},
        footer = {"", "Examples:", "  interlock replay --policy candidate/ --data /var/lib/interlock --format markdown",
                "  interlock audit export --since 30d --out month.jsonl && interlock replay --policy candidate/ --requests month.jsonl",
                "  interlock replay --policy candidate/ --baseline current/ --requests requests.jsonl"})
final class ReplayCommand implements Callable<Integer> {

    static final int LOOSENS = 3;

    /** Lines of history parsed and decided together. */
    private static final int CHUNK = 8192;

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "DIR", required = true, description = "The candidate policy (directory or file).")
    Path policy;

    @Option(names = "--baseline", paramLabel = "DIR", description = "The policy to compare with for requests recorded without a decision (default: the shipped pack).")
    Path baseline;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory for both policies.")
    Path inventory;

    @Option(names = "--requests", paramLabel = "FILE|-", description = "JSON Lines: requests (as for check --batch) or an audit export (its decisions, with what was decided).")
    String requests;

    @Option(names = "--data", paramLabel = "DIR", description = "A server's data directory: replay every decision in its audit log (offline).")
    Path data;

    @Option(names = "--database", paramLabel = "URL", description = "With --data: the server's postgresql://… database.")
    String database;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text", description = "Output (default: text; markdown suits a pull-request comment).")
    String format;

    @Option(names = "--allow-loosening", description = "Exit 0 even when the candidate loosens decisions.")
    boolean allowLoosening;

    @Override
    public Integer call() throws Exception {
        if ((requests == null) == (data == null)) {
            return Cli.usage(spec, "give exactly one of --requests FILE and --data DIR");
        }
        if (!List.of("text", "markdown", "json").contains(format)) {
            return Cli.usage(spec, "--format must be text, markdown or json");
        }
        PrintWriter err = spec.commandLine().getErr();
        Interlock candidate;
        Interlock before;
        try {
            candidate = engine(policy);
            before = engine(baseline);
        } catch (PolicyException e) {
            err.println("interlock replay: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        List<String> problems = new ArrayList<>();
        Replay replay = new Replay(candidate, before.policy(), candidate.policy());
        try {
            if (data != null) {
                fromAudit(replay, problems);
            } else {
                fromLines(replay, problems);
            }
        } catch (IOException | OfflineAudit.Problem e) {
            err.println("interlock replay: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
        Replay.Result result = replay.result();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? json(result, problems) : markdown(result, problems));
        out.flush();
        for (String p : problems) {
            err.println("interlock replay: " + p);
        }
        if (result.loosens() && !allowLoosening) {
            return LOOSENS;
        }
        return problems.isEmpty() ? 0 : Main.INTERNAL_ERROR;
    }

    private Interlock engine(Path dir) {
        Interlock.Builder b = Interlock.builder().decisionIds(() -> "");
        if (dir != null) {
            b.policy(dir);
        }
        if (inventory != null) {
            b.inventory(inventory);
        }
        return b.build();
    }

    // ---- input

    private void fromLines(Replay replay, List<String> problems) throws IOException {
        BufferedReader in = requests.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(requests), StandardCharsets.UTF_8);
        String name = requests.equals("-") ? "stdin" : requests;
        // Read a chunk at a time (a month of history need not fit in memory), each parsed and decided on every core.
        try (in) {
            List<String> lines = new ArrayList<>(CHUNK);
            int firstLine = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (lines.size() == CHUNK) {
                    replayLines(replay, lines, name, firstLine, problems);
                    firstLine += lines.size();
                    lines.clear();
                }
            }
            replayLines(replay, lines, name, firstLine, problems);
        }
    }

    private static void replayLines(Replay replay, List<String> lines, String name, int firstLine, List<String> problems) {
        List<Object> parsed = IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> parse(lines.get(i), name + ":" + (firstLine + i))).toList();
        List<Replay.Recorded> chunk = new ArrayList<>(parsed.size());
        for (Object p : parsed) {
            if (p instanceof Replay.Recorded r) {
                chunk.add(r);
            } else if (p instanceof String problem) {
                problems.add(problem);
            }
        }
        replay.add(chunk);
    }

    /** One line: a request, a decision event (with what was decided), a problem (text), or null (blank, other events). */
    private static Object parse(String line, String source) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.has("type") && node.has("body")) {
                if (!node.path("type").asText().equals("decision")) {
                    return null;
                }
                // An export keeps each body as the exact text that was hashed.
                JsonNode body = node.get("body").isTextual() ? Json.MAPPER.readTree(node.get("body").asText()) : node.get("body");
                return recorded(body.path("data"), source);
            }
            if (node.has("head_hash") && node.has("signature")) {
                return null; // an export's checkpoint
            }
            return new Replay.Recorded(source, RequestReader.read(node), Optional.empty(), List.of());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return source + ": skipped: malformed JSON: " + e.getOriginalMessage();
        } catch (IOException | RequestFormatException | IllegalArgumentException e) {
            return source + ": skipped: " + e.getMessage();
        }
    }

    private void fromAudit(Replay replay, List<String> problems) {
        List<Replay.Recorded> chunk = new ArrayList<>(CHUNK);
        try (Database db = OfflineAudit.open(data, database)) {
            Iterator<AuditEvent> events = new AuditReader(db).stream(0);
            while (events.hasNext()) {
                AuditEvent e = events.next();
                if (!e.type().equals("decision")) {
                    continue;
                }
                String source = "audit #" + e.seq();
                try {
                    chunk.add(recorded(Json.MAPPER.readTree(e.body()).path("data"), source));
                } catch (IOException | RequestFormatException | IllegalArgumentException ex) {
                    problems.add(source + ": skipped: " + ex.getMessage());
                }
                if (chunk.size() == CHUNK) {
                    replay.add(chunk);
                    chunk.clear();
                }
            }
        }
        replay.add(chunk);
    }

    /** A decision event's request, with the effect recorded then and the enforced rules that set it. */
    private static Replay.Recorded recorded(JsonNode data, String source) {
        if (!data.path("request").isObject()) {
            throw new IllegalArgumentException("the decision event carries no request");
        }
        Effect effect = Wire.parse(Effect.class, data.path("effect").asText());
        List<String> rules = new ArrayList<>();
        for (JsonNode r : data.path("rules")) {
            if (Wire.parse(Effect.class, r.path("effect").asText()) == effect && !r.path("enforcement").asText().equals("dry-run")
                    && !rules.contains(r.path("id").asText())) {
                rules.add(r.path("id").asText());
            }
        }
        return new Replay.Recorded(source, RequestReader.read(request(data)), Optional.of(effect), rules);
    }

    /**
     * The request a decision event describes, as a request again. The audit log keeps a shell command or SQL
     * statement whole with the context it was decided in; other kinds only as text (a plan as its description), so
     * they are named as skipped rather than guessed.
     */
    private static JsonNode request(JsonNode data) {
        JsonNode recorded = data.get("request");
        if (!recorded.has("input")) {
            return recorded; // already a request (a file of requests with recorded decisions)
        }
        String kind = recorded.path("kind").asText();
        ObjectNode out = Json.MAPPER.createObjectNode().put("kind", kind);
        switch (kind) {
            case "shell" -> out.put("command", recorded.path("input").asText());
            case "sql" -> out.put("statement", recorded.path("input").asText());
            default -> throw new IllegalArgumentException("a " + kind + " request is kept in the audit log as text only; replay it from a requests file");
        }
        JsonNode c = recorded.path("context");
        ObjectNode context = out.putObject("context");
        for (String field : List.of("environment", "cwd", "target")) {
            if (!c.path(field).asText().isEmpty()) {
                context.put(field, c.path(field).asText());
            }
        }
        if (c.path("env").isObject()) {
            context.set("env", c.get("env"));
        }
        String kube = c.path("kubeconfig").asText("");
        if (kube.equals("absent")) {
            context.putObject("kubeconfig").put("absent", true);
        } else if (!kube.isEmpty()) {
            context.putObject("kubeconfig").put("current_context", kube);
        }
        JsonNode actor = data.path("actor");
        out.putObject("actor").put("principal", actor.path("principal").asText()).put("agent", actor.path("agent").asText())
                .put("session", actor.path("session").asText());
        return out;
    }

    // ---- output

    static String markdown(Replay.Result r, List<String> problems) {
        StringBuilder s = new StringBuilder();
        s.append("### Policy replay: ").append(r.replayed()).append(" recorded requests\n\n");
        s.append(r.looser() > 0 ? "**" + r.looser() + " looser**" : "0 looser").append(" · ")
                .append(r.stricter()).append(" stricter · ").append(r.unchanged()).append(" unchanged");
        if (!problems.isEmpty()) {
            s.append(" · skipped (not requests): ").append(problems.size());
        }
        s.append("\n\n");
        if (r.groups().isEmpty()) {
            s.append("The candidate decides every recorded request as it was decided.\n");
            return s.toString();
        }
        s.append("| | before | after | decided before by | decided after by | requests | e.g. |\n|---|---|---|---|---|---|---|\n");
        for (Replay.Group g : r.groups()) {
            s.append("| ").append(g.direction() == Replay.Direction.LOOSER ? "⚠ looser" : "stricter")
                    .append(" | ").append(g.before().wire()).append(" | ").append(g.after().wire())
                    .append(" | ").append(cell(g.rulesBefore())).append(" | ").append(cell(g.rulesAfter()))
                    .append(" | ").append(g.count()).append(" | ").append(cell(g.examples().getFirst().summary()))
                    .append(" (").append(cell(g.examples().getFirst().source())).append(") |\n");
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.isEmpty() ? "—" : text.replace("|", "\\|").replace("\n", " ");
    }

    static String json(Replay.Result r, List<String> problems) throws IOException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("replayed", r.replayed()).put("stricter", r.stricter()).put("looser", r.looser()).put("unchanged", r.unchanged());
        ArrayNode groups = out.putArray("groups");
        for (Replay.Group g : r.groups()) {
            ObjectNode o = groups.addObject();
            o.put("direction", g.direction().name().toLowerCase(java.util.Locale.ROOT)).put("before", g.before().wire())
                    .put("after", g.after().wire()).put("rules_before", g.rulesBefore()).put("rules_after", g.rulesAfter()).put("count", g.count());
            ArrayNode examples = o.putArray("examples");
            g.examples().forEach(c -> examples.addObject().put("source", c.source()).put("summary", c.summary()));
        }
        problems.forEach(out.putArray("skipped")::add);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }
}
