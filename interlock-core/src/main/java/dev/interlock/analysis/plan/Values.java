package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/** What plan readers keep of a resource's values: scalar attributes, environment tags, where it lives. */
final class Values {

    /** Attributes kept per change: enough for every catalogue condition and for a reviewer to know what it is. */
    private static final int MAX_ATTRIBUTES = 48;
    private static final int MAX_VALUE = 200;
    private static final java.util.List<String> TAG_MAPS = java.util.List.of("tags", "labels", "Tags", "tags_all", "tagsAll");
    private static final Pattern ENVIRONMENT_TAG = Pattern.compile("(?i)env|environment|stage|tier|deployment[-_]?environment");

    private Values() {
    }

    /** Top-level scalars of {@code values} (strings up to 200 characters), at most 48, into {@code out}. */
    static void scalars(JsonNode values, Map<String, String> out) {
        if (values == null || !values.isObject()) {
            return;
        }
        for (var e : values.properties()) {
            if (out.size() >= MAX_ATTRIBUTES) {
                return;
            }
            JsonNode v = e.getValue();
            if (v.isBoolean() || v.isNumber() || v.isTextual() && v.asText().length() <= MAX_VALUE) {
                out.putIfAbsent(e.getKey(), v.asText());
            }
        }
    }

    /** The environment a resource's tags or labels name ({@code Environment = production}), or "". */
    static String environmentTag(JsonNode values) {
        String tag = environmentTagName(values);
        return tag.isEmpty() ? "" : tag.substring(tag.indexOf(" = ") + 3);
    }

    /** Where {@link #environmentTag} found it, as {@code tags.Environment = production}, or "". */
    static String environmentTagName(JsonNode values) {
        if (values == null || !values.isObject()) {
            return "";
        }
        for (String map : TAG_MAPS) {
            JsonNode tags = values.get(map);
            if (tags == null) {
                continue;
            }
            if (tags.isObject()) {
                for (var e : tags.properties()) {
                    if (ENVIRONMENT_TAG.matcher(e.getKey()).matches() && e.getValue().isTextual()) {
                        return map + "." + e.getKey() + " = " + e.getValue().asText();
                    }
                }
            } else if (tags.isArray()) {
                // CloudFormation and Pulumi tag lists: [{"Key": "Environment", "Value": "prod"}].
                for (JsonNode tag : tags) {
                    String key = tag.path("Key").asText(tag.path("key").asText(""));
                    if (ENVIRONMENT_TAG.matcher(key).matches()) {
                        return map + "." + key + " = " + tag.path("Value").asText(tag.path("value").asText(""));
                    }
                }
            }
        }
        return "";
    }

    /** Text of a scalar or "" ({@code null}, objects and arrays have none). */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() || node.isMissingNode() ? "" : node.asText();
    }
}
