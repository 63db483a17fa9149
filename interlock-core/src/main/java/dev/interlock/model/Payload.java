package dev.interlock.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The raw input of a request, one variant per {@link RequestKind}. */
public sealed interface Payload {

    /** The text evidence offsets refer to. */
    String text();

    /** A shell command line as an agent would run it. */
    record Shell(String command) implements Payload {
        public String text() {
            return command;
        }
    }

    /** One or more SQL statements; {@code dialect} is {@code postgresql}, {@code mysql}, … or empty. */
    record Sql(String statement, String dialect) implements Payload {
        public String text() {
            return statement;
        }
    }

    /** An MCP {@code tools/call}: server name, tool name and arguments. */
    record Mcp(String server, String tool, JsonNode arguments) implements Payload {
        public String text() {
            return server + "." + tool + " " + arguments;
        }
    }

    /** A change plan: Terraform {@code show -json}, a CloudFormation change set, a Pulumi preview, or manifests, read. */
    record Document(Plan plan) implements Payload {
        public RequestKind kind() {
            return plan.kind();
        }

        public String text() {
            return plan.describe();
        }
    }

    /** Files an agent's edit tool would create, change, delete or move. */
    record FileEdit(List<FileChange> changes) implements Payload {
        public FileEdit {
            changes = List.copyOf(changes);
        }

        /** One line per change ({@code edit src/app.py}); evidence names the line. */
        public String text() {
            StringBuilder out = new StringBuilder();
            for (FileChange c : changes) {
                out.append(out.isEmpty() ? "" : "\n").append(c.action().wire()).append(' ').append(c.path());
                if (!c.movedTo().isEmpty()) {
                    out.append(" -> ").append(c.movedTo());
                }
            }
            return out.toString();
        }
    }

    /** Operations an in-house agent or framework declares directly. */
    record Declared(List<Operation> operations) implements Payload {
        public Declared {
            operations = List.copyOf(operations);
        }

        public String text() {
            return operations.toString();
        }
    }
}
