package dev.interlock.analysis.mcp;

import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import java.util.List;

/** The analyses a tool mapping hands parts of a call to, bound to the request's context and the policy's catalogue. */
public interface Analyses {

    /** A command line, as if the agent ran it in its shell. */
    List<Operation> shell(String command);

    /** SQL, in {@code dialect} ({@code postgresql}, {@code mysql}, … or empty). */
    List<Operation> sql(String statement, String dialect);

    /** File changes, as if the agent's edit tool made them. */
    List<Operation> files(List<FileChange> changes);

    /** The policy's own tool mappings, consulted before the shipped tables. */
    default List<McpMapping> mappings() {
        return List.of();
    }

    /** The resource catalogue in force (the policy's). */
    dev.interlock.analysis.catalogue.Catalogue catalogue();

    /** Kubernetes manifests (YAML or JSON text) as kubectl would {@code action} them. */
    List<Operation> manifests(String text, String action);
}
