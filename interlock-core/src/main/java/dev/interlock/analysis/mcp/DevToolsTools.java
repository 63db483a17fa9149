package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Servers that wrap a CLI the shell analysis already knows: mcp-server-git ({@code git -C REPO …}), Docker servers
 * ({@code docker …} against the server's own daemon, or {@code docker -H HOST …} when the call names one; a server the
 * inventory places, such as {@code docker-prod}, is placed there by the resolver), Google's gcloud server ({@code run_gcloud_command(args)}),
 * and fetch ({@code curl URL}). Each call becomes that command line.
 */
final class DevToolsTools {

    private DevToolsTools() {
    }

    private static Function<McpCall, List<Operation>> git(String... words) {
        return c -> {
            List<String> argv = new ArrayList<>(List.of("git"));
            String repo = c.text("repo_path", "repository", "path");
            if (!repo.isEmpty()) {
                argv.addAll(List.of("-C", repo));
            }
            argv.addAll(List.of(words));
            return c.analyses().shell(Shell.join(argv));
        };
    }

    static final ToolFamily GIT = new ToolFamily("git", c -> true, Map.ofEntries(
            Map.entry("git_status", git("status")),
            Map.entry("git_diff_unstaged", git("diff")),
            Map.entry("git_diff_staged", git("diff", "--cached")),
            Map.entry("git_diff", c -> git("diff", c.text("target")).apply(c)),
            Map.entry("git_log", git("log")),
            Map.entry("git_show", c -> git("show", c.text("revision")).apply(c)),
            Map.entry("git_branch", git("branch", "--list")),
            Map.entry("git_commit", c -> git("commit", "-m", c.text("message")).apply(c)),
            Map.entry("git_add", c -> {
                List<String> words = new ArrayList<>(List.of("add"));
                words.addAll(c.texts("files"));
                return git(words.toArray(String[]::new)).apply(c);
            }),
            Map.entry("git_reset", git("reset")),
            Map.entry("git_create_branch", c -> git("branch", c.text("branch_name"), c.text("base_branch")).apply(c)),
            Map.entry("git_checkout", c -> git("checkout", c.text("branch_name")).apply(c)),
            Map.entry("git_init", c -> c.analyses().shell(Shell.join(List.of("git", "init", c.text("repo_path")))))));

    private static Function<McpCall, List<Operation>> docker(Function<McpCall, List<String>> words) {
        return c -> {
            List<String> argv = new ArrayList<>(List.of("docker"));
            // a daemon named in the call is where it acts, as docker -H places it; else the server's own daemon
            String host = c.text("docker_host", "base_url", "host");
            if (!host.isEmpty()) {
                argv.addAll(List.of("-H", host));
            }
            argv.addAll(words.apply(c));
            return c.analyses().shell(Shell.join(argv));
        };
    }

    private static String container(McpCall c) {
        return c.text("container_id", "container_name", "name", "id");
    }

    private static List<String> force(McpCall c, String... words) {
        List<String> out = new ArrayList<>(List.of(words));
        if (c.flag("force")) {
            out.add(out.size() - 1, "-f"); // before the object: docker rm -f ID, docker volume rm -f NAME
        }
        return out;
    }

    static final ToolFamily DOCKER = new ToolFamily("docker", c -> true, Map.ofEntries(
            Map.entry("list_containers", docker(c -> List.of("ps", "-a"))),
            Map.entry("create_container", docker(c -> List.of("create", "--name", c.text("name"), c.text("image")))),
            Map.entry("run_container", docker(c -> List.of("run", "-d", "--name", c.text("name"), c.text("image")))),
            Map.entry("recreate_container", docker(c -> List.of("rm", "-f", container(c)))),
            Map.entry("start_container", docker(c -> List.of("start", container(c)))),
            Map.entry("stop_container", docker(c -> List.of("stop", container(c)))),
            Map.entry("remove_container", docker(c -> force(c, "rm", container(c)))),
            Map.entry("fetch_container_logs", docker(c -> List.of("logs", container(c)))),
            Map.entry("list_images", docker(c -> List.of("images"))),
            Map.entry("pull_image", docker(c -> List.of("pull", c.text("repository", "image") + (c.text("tag").isEmpty() ? "" : ":" + c.text("tag"))))),
            Map.entry("push_image", docker(c -> List.of("push", c.text("repository", "image") + (c.text("tag").isEmpty() ? "" : ":" + c.text("tag"))))),
            Map.entry("build_image", docker(c -> List.of("build", "-t", c.text("tag"), c.text("path", "context")))),
            Map.entry("remove_image", docker(c -> force(c, "rmi", c.text("image")))),
            Map.entry("list_networks", docker(c -> List.of("network", "ls"))),
            Map.entry("create_network", docker(c -> List.of("network", "create", c.text("name")))),
            Map.entry("remove_network", docker(c -> List.of("network", "rm", c.text("network_id", "name")))),
            Map.entry("list_volumes", docker(c -> List.of("volume", "ls"))),
            Map.entry("create_volume", docker(c -> List.of("volume", "create", c.text("name")))),
            Map.entry("remove_volume", docker(c -> force(c, "volume", "rm", c.text("volume_name", "name"))))));

    static final ToolFamily CLOUD_CLIS = new ToolFamily("cloud-cli", c -> true, Map.ofEntries(
            Map.entry("run_gcloud_command", c -> {
                List<String> argv = new ArrayList<>(List.of("gcloud"));
                argv.addAll(c.texts("args"));
                return c.analyses().shell(Shell.join(argv));
            }),
            Map.entry("fetch", c -> c.analyses().shell(Shell.join(List.of("curl", "-s", c.text("url")))))));

    /**
     * Fetch servers by other names (fetch-mcp's {@code fetch_html}/{@code fetch_markdown}/{@code fetch_txt}/
     * {@code fetch_json}, {@code fetch_url}) and generic {@code http_request} tools: the curl request they make, so a URL
     * that carries a credential is judged as that credential sent, and a plain URL as a read.
     */
    static final ToolFamily FETCH = new ToolFamily("fetch", c -> !c.text("url").isEmpty(), Map.ofEntries(
            Map.entry("fetch_url", DevToolsTools::request),
            Map.entry("fetch_html", DevToolsTools::request),
            Map.entry("fetch_markdown", DevToolsTools::request),
            Map.entry("fetch_txt", DevToolsTools::request),
            Map.entry("fetch_json", DevToolsTools::request),
            Map.entry("http_get", DevToolsTools::request),
            Map.entry("http_request", DevToolsTools::request)));

    private static List<Operation> request(McpCall c) {
        List<String> argv = new ArrayList<>(List.of("curl", "-s"));
        String method = c.text("method").toUpperCase(java.util.Locale.ROOT);
        if (!method.isEmpty() && !method.equals("GET")) {
            argv.addAll(List.of("-X", method));
        }
        com.fasterxml.jackson.databind.JsonNode body = c.arguments().get("body");
        if (body != null && !body.isNull()) {
            argv.addAll(List.of("--data-raw", body.isTextual() ? body.asText() : body.toString()));
        }
        argv.add(c.text("url"));
        return c.analyses().shell(Shell.join(argv));
    }
}
