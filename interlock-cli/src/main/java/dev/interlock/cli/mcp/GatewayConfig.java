package dev.interlock.cli.mcp;

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
 *   upstreams:
 *     - name: postgres
 *       command: [npx, -y, "@modelcontextprotocol/server-postgres", "postgresql://db.prod.internal/app"]
 *       env: { PGPASSWORD: "…" }
 *       environment: prod
 * </pre>
 */
public record GatewayConfig(Upstream upstream, Identity identity) {

    public record Upstream(String name, List<String> command, Map<String, String> env, String environment) {
        public Upstream {
            command = List.copyOf(command);
            env = Map.copyOf(env);
            environment = environment == null ? "" : environment;
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
        if (ups.size() > 1) {
            throw new IllegalArgumentException(file + ": spec.upstreams lists " + ups.size() + " servers; this version forwards to one (run one gateway per server)");
        }
        if (!(ups.getFirst() instanceof Map<?, ?> u)) {
            throw new IllegalArgumentException(file + ": spec.upstreams[0] must be a mapping with name and command");
        }
        if (u.containsKey("url")) {
            throw new IllegalArgumentException(file + ": spec.upstreams[0].url: streamable HTTP upstreams are not supported yet; give a stdio command");
        }
        List<String> command = new ArrayList<>();
        if (u.get("command") instanceof List<?> words) {
            words.forEach(w -> command.add(String.valueOf(w)));
        } else if (u.get("command") instanceof String s && !s.isBlank()) {
            command.addAll(List.of(s.trim().split("\\s+")));
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException(file + ": spec.upstreams[0].command is missing");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (u.get("env") instanceof Map<?, ?> e) {
            e.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        String name = u.get("name") == null ? nameOf(command) : String.valueOf(u.get("name"));
        String environment = u.get("environment") == null ? "" : String.valueOf(u.get("environment"));
        Map<?, ?> id = spec.get("identity") instanceof Map<?, ?> m ? m : Map.of();
        return new GatewayConfig(new Upstream(name, command, env, environment),
                new Identity(id.get("principal") == null ? "" : String.valueOf(id.get("principal")),
                        id.get("agent") == null ? "mcp-client" : String.valueOf(id.get("agent"))));
    }
}
