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

    /** A plan document: Terraform {@code show -json}, a CloudFormation change set, a Pulumi preview, or manifests. */
    record Document(RequestKind kind, JsonNode document) implements Payload {
        public String text() {
            return document.toString();
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
