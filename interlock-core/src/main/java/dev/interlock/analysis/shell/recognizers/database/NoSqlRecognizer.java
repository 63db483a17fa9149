package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * NoSQL, wide-column, time-series and graph databases whose tools are not SQL clients: Cassandra's {@code nodetool},
 * Couchbase's {@code couchbase-cli} and {@code cbq}, Neo4j's {@code cypher-shell} and ArangoDB's {@code arangosh}
 * (InfluxDB's {@code influx} is observability's). Their operations are {@code database} operations placed on the server they name, so a
 * loopback instance is a local sandbox and a prod host is prod.
 */
public final class NoSqlRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("nodetool", "couchbase-cli", "cbq", "cypher-shell", "arangosh");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return switch (inv.program()) {
            case "nodetool" -> List.of(Nodetool.recognize(inv));
            case "couchbase-cli" -> List.of(CouchbaseCli.cli(inv));
            case "cbq" -> CouchbaseCli.cbq(inv, nested);
            case "cypher-shell" -> GraphShells.cypherShell(inv);
            default -> GraphShells.arangosh(inv);
        };
    }
}
