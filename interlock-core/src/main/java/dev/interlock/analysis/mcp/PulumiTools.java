package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Pulumi's MCP servers (the CLI server's {@code pulumi-cli-*} and {@code pulumi-registry-*} tools, Pulumi Cloud's stack
 * tools): each call is the {@code pulumi} command line it runs, so a stack's outputs are a read unless the secrets are
 * shown, a preview only reads, and {@code up}, {@code refresh} and {@code destroy} change the stack, placed by its name
 * ({@code acme/payments/dev}). Registry lookups read public schemas. Only a server named for Pulumi is taken, since
 * {@code preview} or {@code up} alone could be anyone's.
 */
final class PulumiTools {

    private PulumiTools() {
    }

    /** {@code pulumi WORDS --stack S --cwd DIR}, with {@code --yes} where the CLI would otherwise prompt. */
    private static Function<McpCall, List<Operation>> pulumi(boolean confirms, String... words) {
        return c -> {
            List<String> argv = new ArrayList<>(List.of("pulumi"));
            argv.addAll(List.of(words));
            String stack = c.text("stackName", "stack_name", "stack");
            if (!stack.isEmpty()) {
                argv.addAll(List.of("--stack", stack));
            }
            String dir = c.text("workDir", "work_dir", "cwd");
            if (!dir.isEmpty()) {
                argv.addAll(List.of("--cwd", dir));
            }
            if (confirms) {
                argv.add("--yes");
            }
            if (c.flag("showSecrets", "show_secrets")) {
                argv.add("--show-secrets");
            }
            return c.analyses().shell(Shell.join(argv));
        };
    }

    private static final Function<McpCall, List<Operation>> OUTPUTS = pulumi(false, "stack", "output");
    private static final Function<McpCall, List<Operation>> STACKS = pulumi(false, "stack", "ls");
    private static final Function<McpCall, List<Operation>> PREVIEW = pulumi(false, "preview");
    private static final Function<McpCall, List<Operation>> UP = pulumi(true, "up");
    private static final Function<McpCall, List<Operation>> REFRESH = pulumi(true, "refresh");
    private static final Function<McpCall, List<Operation>> DESTROY = pulumi(true, "destroy");

    /** A public schema or package listing from the Pulumi Registry: nothing of the user's. */
    private static List<Operation> registry(McpCall c) {
        return List.of(c.op("pulumi", Verb.READ, "registry", c.text("type", "resource", "provider", "name"))
                .note("looks up the public Pulumi Registry").build());
    }

    static final ToolFamily FAMILY = new ToolFamily("pulumi", c -> c.server().toLowerCase(Locale.ROOT).contains("pulumi"),
            Map.ofEntries(
                    Map.entry("cli_stack_output", OUTPUTS), Map.entry("stack_output", OUTPUTS), Map.entry("stack_outputs", OUTPUTS),
                    Map.entry("get_stack_outputs", OUTPUTS), Map.entry("get_stack_output", OUTPUTS),
                    Map.entry("list_stacks", STACKS), Map.entry("get_stacks", STACKS), Map.entry("cli_stack_ls", STACKS),
                    Map.entry("cli_preview", PREVIEW), Map.entry("preview", PREVIEW),
                    Map.entry("cli_up", UP), Map.entry("up", UP),
                    Map.entry("cli_refresh", REFRESH), Map.entry("refresh", REFRESH),
                    Map.entry("cli_destroy", DESTROY), Map.entry("destroy", DESTROY),
                    Map.entry("registry_get_resource", PulumiTools::registry), Map.entry("registry_list_resources", PulumiTools::registry),
                    Map.entry("registry_get_type", PulumiTools::registry), Map.entry("registry_list_functions", PulumiTools::registry),
                    Map.entry("registry_get_function", PulumiTools::registry)));
}
