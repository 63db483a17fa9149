package dev.interlock.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Kiro's {@code use_aws} tool calls the AWS API by service and operation; it is the same act as the {@code aws} CLI
 * command with those words, so it is judged as that command line (the aws recognizer knows which operations destroy).
 */
final class AwsCall {

    private AwsCall() {
    }

    static String commandLine(JsonNode input) {
        String service = PayloadReader.text(input, "service_name", "service");
        String operation = PayloadReader.text(input, "operation_name", "operation");
        if (service.isEmpty() || operation.isEmpty()) {
            throw new HookPayloadException("use_aws needs service_name and operation_name");
        }
        StringBuilder cmd = new StringBuilder("aws ").append(word(service)).append(' ').append(word(kebab(operation)));
        JsonNode params = input.path("parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            cmd.append(" --").append(word(kebab(p.getKey())));
            if (!(v.isBoolean() && v.asBoolean())) {
                cmd.append(' ').append(quote(v.isValueNode() ? v.asText() : v.toString()));
            }
        }
        String region = PayloadReader.text(input, "region");
        String profile = PayloadReader.text(input, "profile_name", "profile");
        if (!region.isEmpty()) {
            cmd.append(" --region ").append(quote(region));
        }
        if (!profile.isEmpty()) {
            cmd.append(" --profile ").append(quote(profile));
        }
        return cmd.toString();
    }

    /** {@code DeleteBucket} and {@code delete_bucket} become {@code delete-bucket}, as the CLI spells operations. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(java.util.Locale.ROOT);
    }

    private static String word(String s) {
        return s.replaceAll("[^A-Za-z0-9.-]", "");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
