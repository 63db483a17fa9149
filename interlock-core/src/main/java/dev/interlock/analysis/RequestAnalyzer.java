package dev.interlock.analysis;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.analysis.file.FileEditAnalyzer;
import dev.interlock.analysis.plan.ManifestFiles;
import dev.interlock.analysis.plan.PlanAnalyzer;
import dev.interlock.analysis.shell.ShellAnalyzer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Dispatches a request to the analysis of its kind. Kinds without an analysis yet (MCP calls) become one
 * {@code opaque} operation — never an allow in prod or unknown, never a crash.
 */
public final class RequestAnalyzer {

    private final ShellAnalyzer shell;
    private final BiFunction<String, String, List<Operation>> sql;
    private final FileEditAnalyzer files;

    public RequestAnalyzer(ShellAnalyzer shell, BiFunction<String, String, List<Operation>> sql) {
        this.shell = shell;
        this.sql = sql;
        this.files = new FileEditAnalyzer(shell, sql);
    }

    public List<Operation> analyze(Request request) {
        return analyze(request, Catalogue.shipped());
    }

    /** {@code catalogue}: the policy's (plans are judged by what their resources hold). */
    public List<Operation> analyze(Request request, Catalogue catalogue) {
        return switch (request.payload()) {
            case Payload.Shell s -> ManifestFiles.expand(shell.analyze(s.command(), request.context()), request.context(), catalogue);
            case Payload.Sql s -> SqlTargets.locate(sql.apply(s.statement(), dialect(s, request)), request.context().target().orElse(""));
            case Payload.Declared d -> d.operations();
            case Payload.FileEdit f -> files.analyze(f, request.context());
            case Payload.Mcp m -> List.of(opaque("mcp", m.server() + "." + m.tool(),
                    "MCP tool calls are not analyzed yet; the call is judged as opaque", m.text()));
            case Payload.Document d -> PlanAnalyzer.analyze(d.plan(), catalogue, request.context());
        };
    }

    private static String dialect(Payload.Sql s, Request request) {
        if (!s.dialect().isEmpty()) {
            return s.dialect();
        }
        return SqlTargets.dialectOf(request.context().target().orElse(""));
    }

    private static Operation opaque(String system, String name, String why, String text) {
        return Operation.builder(system, Verb.UNKNOWN)
                .resource("tool", name)
                .confidence(Confidence.OPAQUE)
                .reversible(false)
                .note(why)
                .evidence(Evidence.text(text.length() > 200 ? text.substring(0, 200) + "…" : text))
                .build();
    }
}
