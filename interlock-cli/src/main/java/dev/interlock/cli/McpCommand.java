package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.Interlock;
import dev.interlock.mcp.CallDecider;
import dev.interlock.mcp.GatewayConfig;
import dev.interlock.mcp.Gateway;
import dev.interlock.json.Json;
import dev.interlock.model.Actor;
import dev.interlock.model.Effect;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interlock mcp}: stand between an agent and an MCP server, and decide every tool call. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"An MCP gateway over stdio: the agent launches this as its MCP server; Interlock starts the real server,",
                "forwards everything, and decides every tools/call first. A call that is not allowed never reaches the server:",
                "the model gets an error result that says why (and which approval it waits for).",
                "With a server ($INTERLOCK_URL or --server) the server decides, holds approvals and audits every call."},
        footer = {"", "Examples:", "  interlock mcp --env prod --name postgres -- npx -y @modelcontextprotocol/server-postgres postgresql://db.prod/app",
                "  interlock mcp --config gateway.yaml"})
final class McpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "Gateway config: the upstream server, its environment and credentials, the identity.")
    Path config;

    @Option(names = "--name", paramLabel = "NAME", description = "The upstream's name in decisions and policy (default: from the command).")
    String name;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment the upstream server acts on (prod, staging, dev, …).")
    String environment;

    @Option(names = "--principal", paramLabel = "P", description = "The human the agent works for.")
    String principal;

    @Option(names = "--agent", paramLabel = "A", description = "The agent (default: mcp-client).")
    String agent;

    @Option(names = "--wait", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "With a server: hold a call that needs approval open this long for a reviewer (default: answer at once;"
                    + " MCP clients time out requests, often after 20-60 s; the config's spec.approvalWait when not given).")
    java.time.Duration wait;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The upstream MCP server's command, after --.")
    List<String> command = List.of();

    @Override
    public Integer call() throws Exception {
        GatewayConfig gateway;
        try {
            if (config != null) {
                if (!command.isEmpty()) {
                    return Cli.usage(spec, "give either --config or a server command after --, not both");
                }
                gateway = GatewayConfig.read(config);
            } else if (!command.isEmpty()) {
                gateway = new GatewayConfig(List.of(new GatewayConfig.Upstream(name == null ? GatewayConfig.nameOf(command) : name,
                        command, Map.of(), environment == null ? "" : environment)),
                        new GatewayConfig.Identity(principal == null ? "" : principal, agent == null ? "mcp-client" : agent), "__");
            } else {
                return Cli.usage(spec, "give the upstream MCP server's command after --, or --config FILE");
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("interlock mcp: " + e.getMessage());
            return Main.USAGE;
        }
        Map<String, String> environments = new java.util.HashMap<>();
        gateway.upstreams().forEach(u -> environments.put(u.name(), environment != null ? environment : u.environment()));
        PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (wait != null && !server.named()) {
            return Cli.usage(spec, "--wait needs a server to wait on (set INTERLOCK_URL or --server)");
        }
        if (wait == null && server.named() && !gateway.approvalWait().isZero()) {
            wait = gateway.approvalWait(); // the config's spec.approvalWait, unless --wait says otherwise
        }
        CallDecider decider = server.named() ? remote(environments) : local(environments, gateway.identity());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        return Gateway.serve(Gateway.stdio(gateway, decider, Gateway.lines(out), log), in);
    }

    private CallDecider local(Map<String, String> environments, GatewayConfig.Identity identity) {
        Interlock interlock = engine.build();
        Actor actor = new Actor(identity.principal(), identity.agent(), "");
        return new CallDecider() {
            @Override
            public CallDecider.Verdict decide(String serverName, String tool, JsonNode arguments) {
                Request request = new Request("", RequestKind.MCP, new Payload.Mcp(serverName, tool, object(arguments)),
                        new RequestContext(Optional.ofNullable(environments.get(serverName)), Optional.of(ExecCommand.cwd()), Map.of(), Optional.empty()),
                        actor);
                return explained(dev.interlock.cli.Verdict.of(interlock.decide(request)), false);
            }

            /** Without a server there is no audit log: a changed tool is reported on stderr (by the listing) only. */
            @Override
            public List<String> listed(String serverName, List<String> tools, List<CallDecider.ToolChange> changes) {
                return tools.stream().filter(t -> interlock.policy().forbidsTool(serverName, t, actor)).toList();
            }
        };
    }

    private CallDecider remote(Map<String, String> environments) {
        ServerClient client = server.client();
        return new CallDecider() {
            @Override
            public CallDecider.Verdict decide(String serverName, String tool, JsonNode arguments) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.put("kind", "mcp").put("server", serverName).put("tool", tool);
                body.set("arguments", object(arguments));
                ObjectNode context = body.putObject("context");
                context.put("cwd", ExecCommand.cwd());
                String env = environments.getOrDefault(serverName, "");
                if (!env.isEmpty()) {
                    context.put("environment", env);
                }
                dev.interlock.cli.Verdict verdict = dev.interlock.cli.Verdict.of(client.post("/v1/decisions", body));
                if (verdict.effect() == Effect.REQUIRE_APPROVAL && wait != null && !wait.isZero()) {
                    // The same request again, long-polled: it comes back allowed as soon as a reviewer approves.
                    verdict = dev.interlock.cli.Verdict.of(client.post("/v1/decisions?wait=" + Durations.wire(wait), body, wait));
                }
                return explained(verdict, true);
            }

            /** The server answers what to hide and records every changed tool in the audit log. */
            @Override
            public List<String> listed(String serverName, List<String> tools, List<CallDecider.ToolChange> changes) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.put("server", serverName);
                tools.forEach(body.putArray("tools")::add);
                var changed = body.putArray("changed");
                for (CallDecider.ToolChange c : changes) {
                    changed.addObject().put("tool", c.tool()).put("before", c.before()).put("after", c.after())
                            .put("description_before", c.descriptionBefore()).put("description_after", c.descriptionAfter());
                }
                List<String> hidden = new java.util.ArrayList<>();
                client.post("/v1/mcp/listings", body).path("hidden").forEach(h -> hidden.add(h.asText()));
                return hidden;
            }

            /** The server records how each allowed call ended (error or not, and how long it took). */
            @Override
            public void executed(CallDecider.Verdict verdict, boolean error, long millis) {
                if (verdict.decisionId().isEmpty()) {
                    return;
                }
                ObjectNode report = Json.MAPPER.createObjectNode();
                report.put("decision_id", verdict.decisionId()).put("exit_code", error ? 1 : 0).put("duration_ms", millis);
                client.post("/v1/executions", report);
            }
        };
    }

    private static JsonNode object(JsonNode arguments) {
        return arguments == null || !arguments.isObject() ? Json.MAPPER.createObjectNode() : arguments;
    }

    /** What the model reads instead of the tool's result: what was refused, why, and what to do now. */
    private static CallDecider.Verdict explained(Verdict v, boolean remote) {
        return CallDecider.Verdict.of(v.effect(), v.summary(), v.reason(), v.approvalId(), v.approvalUrl(), remote, v.decisionId());
    }
}
