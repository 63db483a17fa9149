package dev.interlock.analysis;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.analysis.file.FileEditAnalyzer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.analysis.mcp.Analyses;
import dev.interlock.analysis.mcp.McpAnalyzer;
import dev.interlock.analysis.mcp.McpMapping;
import dev.interlock.analysis.plan.ManifestAction;
import dev.interlock.analysis.plan.ManifestFiles;
import dev.interlock.analysis.plan.PlanFormatException;
import dev.interlock.analysis.plan.Plans;
import dev.interlock.model.FileChange;
import dev.interlock.model.Plan;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
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
 * Dispatches a request to the analysis of its kind; MCP tool calls hand their payload to the analysis it stands for
 * (shell, SQL, file edits, manifests), and what no table knows is {@code opaque} — never an allow in prod or unknown.
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

    /** The files on the agent's machine whose text would decide this request better than their names (none but for shell). */
    public java.util.Set<String> filesNamed(Request request) {
        return request.payload() instanceof Payload.Shell s ? shell.filesNamed(s.command(), request.context()) : java.util.Set.of();
    }

    public List<Operation> analyze(Request request) {
        return analyze(request, Catalogue.shipped());
    }

    /** {@code catalogue}: the policy's (plans are judged by what their resources hold). */
    public List<Operation> analyze(Request request, Catalogue catalogue) {
        return analyze(request, catalogue, List.of());
    }

    /** With the policy's catalogue and its own MCP tool mappings. */
    public List<Operation> analyze(Request request, Catalogue catalogue, List<McpMapping> mappings) {
        return switch (request.payload()) {
            case Payload.Shell s -> ManifestFiles.expand(shell.analyze(s.command(), request.context()), request.context(), catalogue);
            case Payload.Sql s -> SqlTargets.locate(sql.apply(s.statement(), dialect(s, request)), request.context().target().orElse(""));
            case Payload.Declared d -> d.operations();
            case Payload.FileEdit f -> files.analyze(f, request.context());
            case Payload.Mcp m -> McpAnalyzer.analyze(m, analyses(request.context(), catalogue, mappings));
            case Payload.Document d -> PlanAnalyzer.analyze(d.plan(), catalogue, request.context());
        };
    }

    /** What an MCP tool mapping hands the parts of a call to: this request's context, the policy's catalogue. */
    private Analyses analyses(RequestContext context, Catalogue catalogue, List<McpMapping> mappings) {
        return new Analyses() {
            public List<McpMapping> mappings() {
                return mappings;
            }

            public List<Operation> shell(String command) {
                return ManifestFiles.expand(shell.analyze(command, context), context, catalogue);
            }

            public List<Operation> sql(String statement, String dialect) {
                return SqlTargets.locate(sql.apply(statement, dialect), context.target().orElse(""));
            }

            public List<Operation> files(List<FileChange> changes) {
                return files.analyze(new Payload.FileEdit(changes), context);
            }

            public Catalogue catalogue() {
                return catalogue;
            }

            public List<Operation> manifests(String text, String action) {
                try {
                    Plan plan = Plans.read(RequestKind.KUBERNETES_MANIFEST, JsonNodeFactory.instance.textNode(text),
                            new ManifestAction(action, action.equals("replace"), false, false));
                    return PlanAnalyzer.analyze(plan, catalogue, context);
                } catch (PlanFormatException e) {
                    return List.of(Operation.builder("kubernetes", Verb.UNKNOWN).resource("manifest", "").confidence(Confidence.OPAQUE)
                            .reversible(false).note("the manifest cannot be read: " + e.getMessage()).build());
                }
            }
        };
    }

    private static String dialect(Payload.Sql s, Request request) {
        if (!s.dialect().isEmpty()) {
            return s.dialect();
        }
        return SqlTargets.dialectOf(request.context().target().orElse(""));
    }

}
