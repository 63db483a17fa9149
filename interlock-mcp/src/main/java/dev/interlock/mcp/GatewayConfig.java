package dev.interlock.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code gateway.yaml}: the upstream MCP server (its command and the environment it runs with — where its
 * credentials live, out of the agent's reach), the environment tier it acts on, and who the agent is.
 *
 * <pre>
 * apiVersion: interlock.dev/v1
 * kind: Gateway
 * spec:
 *   identity: { principal: alice@example.com, agent: claude-code }
 *   separator: "__"          # tools of several upstreams are listed as NAME__TOOL
 *   approvalWait: 2m         # a held call waits this long for its approval before the agent is told (at most 10m)
 *   upstreams:
 *     - name: postgres
 *       command: [npx, -y, "@modelcontextprotocol/server-postgres", "postgresql://db.prod.internal/app"]
 *       env: { PGPASSWORD: "…" }
 *       environment: prod
 *     - name: github                       # streamable HTTP, with the gateway's own credentials
 *       url: https://api.githubcopilot.com/mcp/
 *       headers: { Authorization: "Bearer …" }
 * </pre>
 */
public record GatewayConfig(List<Upstream> upstreams, Identity identity, String separator, java.time.Duration approvalWait) {

    /** The longest a held call waits for its approval before the agent is told it is held. */
    public static final java.time.Duration MAX_APPROVAL_WAIT = java.time.Duration.ofMinutes(10);

    public GatewayConfig {
        upstreams = List.copyOf(upstreams);
        separator = separator == null || separator.isEmpty() ? "__" : separator;
        approvalWait = approvalWait == null ? java.time.Duration.ZERO
                : approvalWait.compareTo(MAX_APPROVAL_WAIT) > 0 ? MAX_APPROVAL_WAIT : approvalWait;
    }

    public GatewayConfig(List<Upstream> upstreams, Identity identity, String separator) {
        this(upstreams, identity, separator, java.time.Duration.ZERO);
    }

    /** The first (with one upstream, the only) server. */
    public Upstream upstream() {
        return upstreams.getFirst();
    }

    /** A stdio server ({@code command}, {@code env}) or a streamable HTTP one ({@code url}, {@code headers}). */
    public record Upstream(String name, List<String> command, Map<String, String> env, String environment, String url,
                           Map<String, String> headers) {
        public Upstream {
            command = List.copyOf(command);
            env = Map.copyOf(env);
            environment = environment == null ? "" : environment;
            url = url == null ? "" : url;
            headers = Map.copyOf(headers);
        }

        public Upstream(String name, List<String> command, Map<String, String> env, String environment) {
            this(name, command, env, environment, "", Map.of());
        }
    }

    public record Identity(String principal, String agent) {
    }

    /** A name for an ad-hoc upstream: its package or program ({@code npx -y @modelcontextprotocol/server-filesystem} → server-filesystem). */
    public static String nameOf(List<String> command) {
        for (String word : command) {
            if (word.startsWith("-") || List.of("npx", "uvx", "node", "python", "python3", "docker", "run", "bunx", "pnpx").contains(word)) {
                continue;
            }
            String base = word.substring(word.lastIndexOf('/') + 1);
            base = base.replaceFirst("@[^@/]*$", "").replaceFirst("\\.(js|py|mjs)$", "");
            return base.equals("index") ? "mcp" : base;
        }
        return "mcp";
    }

    public static GatewayConfig read(Path file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> doc) || !"Gateway".equals(doc.get("kind")) || !(doc.get("spec") instanceof Map<?, ?> spec)) {
            throw new IllegalArgumentException(file + ": expected 'kind: Gateway' with a spec");
        }
        if (!(spec.get("upstreams") instanceof List<?> ups) || ups.isEmpty()) {
            throw new IllegalArgumentException(file + ": spec.upstreams must list the upstream MCP server");
        }
        List<Upstream> upstreams = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < ups.size(); i++) {
            Upstream u = upstream(ups.get(i), file + ": spec.upstreams[" + i + "]");
            if (!names.add(u.name())) {
                throw new IllegalArgumentException(file + ": spec.upstreams[" + i + "]: the name '" + u.name() + "' is used twice");
            }
            upstreams.add(u);
        }
        Map<?, ?> id = spec.get("identity") instanceof Map<?, ?> m ? m : Map.of();
        java.time.Duration wait = java.time.Duration.ZERO;
        if (spec.get("approvalWait") != null) {
            try {
                wait = dev.interlock.policy.DurationText.parse(String.valueOf(spec.get("approvalWait")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": spec.approvalWait: " + e.getMessage());
            }
        }
        return new GatewayConfig(upstreams, new Identity(id.get("principal") == null ? "" : String.valueOf(id.get("principal")),
                id.get("agent") == null ? "mcp-client" : String.valueOf(id.get("agent"))),
                spec.get("separator") == null ? "__" : String.valueOf(spec.get("separator")), wait);
    }

    private static Upstream upstream(Object entry, String where) {
        if (!(entry instanceof Map<?, ?> u)) {
            throw new IllegalArgumentException(where + " must be a mapping with name and command");
        }
        String environment = u.get("environment") == null ? "" : String.valueOf(u.get("environment"));
        if (u.containsKey("url")) {
            if (u.containsKey("command")) {
                throw new IllegalArgumentException(where + ": give either command (stdio) or url (streamable HTTP), not both");
            }
            String url = String.valueOf(u.get("url"));
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException(where + ".url must be an http:// or https:// URL, not '" + url + "'");
            }
            if (u.get("name") == null) {
                throw new IllegalArgumentException(where + ".name is required for a url upstream");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (u.get("headers") instanceof Map<?, ?> h) {
                h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
            }
            return new Upstream(String.valueOf(u.get("name")), List.of(), Map.of(), environment, url, headers);
        }
        List<String> command = new ArrayList<>();
        if (u.get("command") instanceof List<?> words) {
            words.forEach(w -> command.add(String.valueOf(w)));
        } else if (u.get("command") instanceof String s && !s.isBlank()) {
            command.addAll(List.of(s.trim().split("\\s+")));
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException(where + ".command is missing");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (u.get("env") instanceof Map<?, ?> e) {
            e.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        String name = u.get("name") == null ? nameOf(command) : String.valueOf(u.get("name"));
        return new Upstream(name, command, env, environment);
    }
}
