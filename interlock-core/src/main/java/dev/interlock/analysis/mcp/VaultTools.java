package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Vault's MCP servers (HashiCorp's {@code vault-mcp-server}: {@code list_secrets}, {@code read_secret},
 * {@code write_secret}, mounts and PKI; the community ones' {@code vault_read}, {@code vault_kv_list}, …): each call is
 * the {@code vault} command it stands for, judged by the shell analysis, so listing secret names or mounts reads,
 * reading a secret's value is a credential read, and writing, deleting or disabling a mount changes the server.
 */
final class VaultTools {

    private VaultTools() {
    }

    private static final Pattern VAULT = Pattern.compile("(?i)vault|openbao");

    /** The vault command for a call: the words before the path, and whether a KV {@code -mount} applies. */
    private record Command(List<String> words, boolean kv) {
    }

    private static Function<McpCall, List<Operation>> as(boolean kv, String... words) {
        Command command = new Command(List.of(words), kv);
        return c -> {
            List<String> argv = new ArrayList<>(List.of("vault"));
            argv.addAll(command.words());
            String mount = c.text("mount", "mount_path", "mountPath", "engine");
            String path = c.text("path", "secret_path", "secretPath", "key", "name");
            if (command.kv()) {
                if (!mount.isEmpty()) {
                    argv.add("-mount=" + mount);
                }
                argv.add(path);
            } else {
                argv.add(mount.isEmpty() || path.startsWith(mount + "/") ? path : path.isEmpty() ? mount : mount + "/" + path);
            }
            return c.analyses().shell(Shell.join(argv));
        };
    }

    /** PKI tools: the mount (pki unless named) and the endpoint under it. */
    private static Function<McpCall, List<Operation>> pki(String verb, String endpoint, String... nameArgs) {
        return c -> {
            String mount = c.text("mount", "mount_path", "mountPath");
            String name = c.text(nameArgs);
            String path = (mount.isEmpty() ? "pki" : mount) + "/" + endpoint + (name.isEmpty() ? "" : "/" + name);
            return c.analyses().shell(Shell.join(List.of("vault", verb, path)));
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        // HashiCorp's vault-mcp-server
        tools.put("list_secrets", as(true, "kv", "list"));
        tools.put("read_secret", as(true, "kv", "get"));
        tools.put("get_secret", as(true, "kv", "get"));
        tools.put("write_secret", as(true, "kv", "put"));
        tools.put("create_secret", as(true, "kv", "put"));
        tools.put("delete_secret", as(true, "kv", "delete"));
        tools.put("list_mounts", c -> c.analyses().shell("vault secrets list"));
        tools.put("create_mount", c -> c.analyses().shell(Shell.join(List.of("vault", "secrets", "enable",
                "-path=" + c.text("path", "mount", "name"), c.text("type", "engine")))));
        tools.put("delete_mount", c -> c.analyses().shell(Shell.join(List.of("vault", "secrets", "disable", c.text("path", "mount", "name")))));
        tools.put("enable_pki", c -> c.analyses().shell(Shell.join(List.of("vault", "secrets", "enable", "-path=" + c.text("path", "mount"), "pki"))));
        tools.put("list_pki_issuers", pki("list", "issuers"));
        tools.put("read_pki_issuer", pki("read", "issuer", "issuer_ref", "issuer", "name"));
        tools.put("create_pki_issuer", pki("write", "root/generate/internal"));
        tools.put("list_pki_roles", pki("list", "roles"));
        tools.put("read_pki_role", pki("read", "roles", "role", "role_name", "name"));
        tools.put("create_pki_role", pki("write", "roles", "role", "role_name", "name"));
        tools.put("delete_pki_role", pki("delete", "roles", "role", "role_name", "name"));
        tools.put("issue_pki_certificate", pki("write", "issue", "role", "role_name", "name"));
        // community servers: vault_read/vault_list/… (the server's name in front is dropped) and vault_kv_*
        tools.put("read", as(false, "read"));
        tools.put("list", as(false, "list"));
        tools.put("write", as(false, "write"));
        tools.put("delete", as(false, "delete"));
        tools.put("kv_read", as(true, "kv", "get"));
        tools.put("kv_get", as(true, "kv", "get"));
        tools.put("kv_list", as(true, "kv", "list"));
        tools.put("kv_create", as(true, "kv", "put"));
        tools.put("kv_put", as(true, "kv", "put"));
        tools.put("kv_delete", as(true, "kv", "delete"));
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("vault", c -> VAULT.matcher(c.server()).find(), tools());
}
