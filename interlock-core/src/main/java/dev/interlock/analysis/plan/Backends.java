package dev.interlock.analysis.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.RequestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a Terraform configuration keeps its state, from the backend configuration {@code terraform init} records in
 * {@code .terraform/terraform.tfstate} (the adapter reads it into {@code context.files}): {@code s3:acme-tfstate/payments/prod/terraform.tfstate}.
 * The state's bucket and key usually name the environment; the inventory matches them as locator {@code backend}.
 */
public final class Backends {

    /** The file the adapter reads, relative to the configuration's directory. */
    public static final String FILE = ".terraform/terraform.tfstate";
    /** Backend settings that say where the state is; credentials and everything else are never read. */
    private static final List<String> WHERE = List.of("bucket", "key", "prefix", "workspace_key_prefix", "storage_account_name",
            "container_name", "resource_group_name", "organization", "path", "address", "schema_name", "namespace");

    private Backends() {
    }

    public static String of(RequestContext context) {
        String cwd = context.cwd().orElse("");
        if (cwd.isEmpty()) {
            return "";
        }
        String text = context.files().get(Path.of(cwd).resolve(FILE).normalize().toString());
        if (text == null) {
            return "";
        }
        try {
            JsonNode backend = Plans.mapper().readTree(text).path("backend");
            String type = backend.path("type").asText("");
            JsonNode config = backend.path("config");
            List<String> parts = new ArrayList<>();
            for (String key : WHERE) {
                String v = config.path(key).asText("");
                if (!v.isEmpty() && !v.equals("null")) {
                    parts.add(v);
                }
            }
            JsonNode workspaces = config.path("workspaces");
            if (workspaces.isArray() && !workspaces.isEmpty()) {
                workspaces = workspaces.get(0);
            }
            for (String key : List.of("name", "prefix")) {
                String v = workspaces.path(key).asText("");
                if (!v.isEmpty()) {
                    parts.add(v);
                }
            }
            return type.isEmpty() || parts.isEmpty() ? "" : type + ":" + String.join("/", parts);
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Only what {@link #of} reads, for an adapter that sends the file to a server: no credentials leave the machine. */
    public static String redacted(String text) {
        try {
            JsonNode backend = Plans.mapper().readTree(text).path("backend");
            var out = Plans.mapper().createObjectNode();
            var b = out.putObject("backend");
            b.put("type", backend.path("type").asText(""));
            var config = b.putObject("config");
            for (Map.Entry<String, JsonNode> e : backend.path("config").properties()) {
                if (WHERE.contains(e.getKey()) || e.getKey().equals("workspaces")) {
                    config.set(e.getKey(), e.getValue());
                }
            }
            return out.toString();
        } catch (JacksonException e) {
            return "";
        }
    }
}
