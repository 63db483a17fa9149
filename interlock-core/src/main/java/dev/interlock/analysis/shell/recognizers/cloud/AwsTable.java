package dev.interlock.analysis.shell.recognizers.cloud;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** AWS actions keyed by service and operation; {@link AwsIamTable} and {@link AwsServiceTable} each fill one. */
final class AwsTable {

    private final Map<String, AwsAction> actions = new HashMap<>();

    void put(String service, String operation, AwsAction action) {
        actions.put(service + " " + operation, action);
    }

    Optional<AwsAction> lookup(String service, String operation) {
        return Optional.ofNullable(actions.get(service + " " + operation));
    }
}
