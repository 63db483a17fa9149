package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secret managers' MCP servers whose tools no table knows (1Password, Bitwarden, Doppler, Infisical, Keeper, LastPass,
 * keychains, cloud secret managers) and tools of any server named for secrets: a tool that returns a secret's value
 * ({@code get_item} with {@code reveal}, {@code get}, {@code access_secret_version}, {@code get_password}) is a credential
 * read, whatever reading word its name starts with; a listing of item titles or secret names stays a read. A name
 * with a changing word is left to the name rules, which keep secrets opaque.
 */
final class SecretManagerTools {

    private SecretManagerTools() {
    }

    /**
     * Words of a server's name that make it a secret manager, and the system its calls reach. Not "vault": HashiCorp's
     * servers have their table ({@link VaultTools}), and notes apps call their folders vaults.
     */
    private static final Map<String, String> SERVERS = Map.ofEntries(
            Map.entry("1password", "1password"), Map.entry("onepassword", "1password"), Map.entry("op", "1password"),
            Map.entry("bitwarden", "bitwarden"), Map.entry("bw", "bitwarden"), Map.entry("vaultwarden", "bitwarden"),
            Map.entry("openbao", "vault"), Map.entry("doppler", "doppler"),
            Map.entry("infisical", "infisical"), Map.entry("keeper", "keeper"), Map.entry("lastpass", "lastpass"),
            Map.entry("lpass", "lastpass"), Map.entry("keychain", "keychain"), Map.entry("passbolt", "passbolt"),
            Map.entry("akeyless", "akeyless"), Map.entry("conjur", "conjur"), Map.entry("secrets", "secrets"),
            Map.entry("secret", "secrets"), Map.entry("secretmanager", "secrets"), Map.entry("secretsmanager", "secrets"));

    /** Words of a tool's name that say it handles secret values, on any server. */
    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "password", "passwords", "credential",
            "credentials", "passphrase", "totp", "otp");

    /** Verbs that hand back what they name: on a secret, its value. */
    private static final Set<String> REVEALING = Set.of("get", "read", "reveal", "access", "fetch", "retrieve", "show",
            "view", "copy", "export", "download", "decrypt", "lookup", "inject", "open");

    /** Verbs that return names and metadata only. */
    private static final Set<String> LISTING = Set.of("list", "search", "find", "count", "describe", "ls");

    /** Arguments by which a call asks for values ({@code reveal: true}) or for none ({@code reveal: false}). */
    private static final List<String> VALUE_ARGUMENTS = List.of("reveal", "include_value", "include_values", "includeValues",
            "with_values", "show_value", "show_values", "show_secret", "show_secrets", "decrypt", "plaintext", "raw");

    /** A credential read when the call returns a secret's value; empty when the call is not a secret manager's read. */
    static Optional<List<Operation>> credential(McpCall c) {
        String system = system(c.server());
        List<String> words = List.of(ToolNames.snake(c.tool()).split("_"));
        if (system.isEmpty() && words.stream().noneMatch(SECRET_WORDS::contains)) {
            return Optional.empty();
        }
        if (words.stream().anyMatch(ToolNames::changing)) {
            return Optional.empty();
        }
        Boolean asked = valuesAsked(c.arguments());
        boolean revealing = asked != null ? asked : namedForValue(words);
        if (!revealing) {
            return Optional.empty();
        }
        String item = c.text("item", "item_id", "itemId", "name", "secret", "secret_id", "secretId", "secret_name", "key",
                "path", "id", "title");
        String where = c.text("vault", "vault_id", "project", "environment", "config", "folder");
        String name = where.isEmpty() ? item : item.isEmpty() ? where : where + "/" + item;
        return Optional.of(List.of(c.op(system.isEmpty() ? "secrets" : system, Verb.CREDENTIAL, "secret",
                        name.isEmpty() ? c.server() + "." + c.tool() : name)
                .confidence(Confidence.INFERRED)
                .note("a secret manager's tool that returns the secret's value").build()));
    }

    /** The secret manager a server's name names, or "". */
    private static String system(String server) {
        for (String word : ToolNames.snake(server).split("_")) {
            String system = SERVERS.get(word);
            if (system != null) {
                return system;
            }
        }
        return "";
    }

    /** True or false when an argument says whether values are returned; null when none does. */
    private static Boolean valuesAsked(JsonNode arguments) {
        for (String name : VALUE_ARGUMENTS) {
            JsonNode v = arguments.get(name);
            if (v != null && (v.isBoolean() || v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false")))) {
                return v.asBoolean() || v.asText().equalsIgnoreCase("true");
            }
        }
        return null;
    }

    /**
     * Whether the name asks for a value: {@code get_item}, {@code item_get}, {@code access_secret_version}, {@code get};
     * a listing anywhere in it ({@code list_items}, {@code get_item_list}, {@code search_secrets}) returns names.
     */
    private static boolean namedForValue(List<String> words) {
        return words.stream().noneMatch(LISTING::contains) && words.stream().anyMatch(REVEALING::contains);
    }
}
