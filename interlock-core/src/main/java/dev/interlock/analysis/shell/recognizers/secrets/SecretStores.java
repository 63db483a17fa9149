package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secret stores for {@link CredentialRecognizer}: HashiCorp Vault and 1Password (remote services, environment left
 * unknown), the macOS keychain, KDE Wallet, libsecret, pass, gopass and gpg (this machine). Getting a secret's value is {@code credential}; listing
 * names is a {@code read}; writing and deleting secrets are changes.
 */
public final class SecretStores {

    private SecretStores() {
    }

    /** Vault subcommand (first one or two words) → verb. */
    private static final Map<String, Verb> VAULT = Map.ofEntries(
            Map.entry("read", Verb.CREDENTIAL), Map.entry("kv get", Verb.CREDENTIAL), Map.entry("login", Verb.CREDENTIAL),
            Map.entry("token create", Verb.CREDENTIAL), Map.entry("kv patch", Verb.UPDATE), Map.entry("kv put", Verb.UPDATE),
            Map.entry("write", Verb.UPDATE), Map.entry("kv delete", Verb.DELETE), Map.entry("kv destroy", Verb.DELETE),
            Map.entry("kv metadata", Verb.READ), Map.entry("delete", Verb.DELETE), Map.entry("kv list", Verb.READ),
            Map.entry("list", Verb.READ), Map.entry("status", Verb.READ), Map.entry("version", Verb.READ),
            Map.entry("secrets list", Verb.READ), Map.entry("policy list", Verb.READ), Map.entry("policy read", Verb.READ),
            Map.entry("token lookup", Verb.READ), Map.entry("auth list", Verb.READ), Map.entry("token revoke", Verb.GRANT),
            Map.entry("policy write", Verb.GRANT), Map.entry("policy delete", Verb.GRANT), Map.entry("kv rollback", Verb.UPDATE),
            // what a token may do, and the server's configuration: names, mounts, devices, peers; never a secret's value
            Map.entry("token capabilities", Verb.READ), Map.entry("audit list", Verb.READ), Map.entry("lease lookup", Verb.READ),
            Map.entry("namespace list", Verb.READ), Map.entry("namespace lookup", Verb.READ), Map.entry("plugin list", Verb.READ),
            Map.entry("plugin info", Verb.READ), Map.entry("path-help", Verb.READ), Map.entry("policy fmt", Verb.READ),
            Map.entry("operator members", Verb.READ), Map.entry("operator key-status", Verb.READ),
            Map.entry("operator raft list-peers", Verb.READ), Map.entry("operator usage", Verb.READ),
            Map.entry("version-history", Verb.READ),
            Map.entry("audit enable", Verb.UPDATE), Map.entry("audit disable", Verb.UPDATE), Map.entry("auth enable", Verb.UPDATE),
            Map.entry("auth tune", Verb.UPDATE), Map.entry("secrets enable", Verb.UPDATE), Map.entry("secrets tune", Verb.UPDATE),
            Map.entry("secrets move", Verb.UPDATE), Map.entry("token renew", Verb.UPDATE), Map.entry("lease renew", Verb.UPDATE),
            Map.entry("kv undelete", Verb.UPDATE), Map.entry("kv enable-versioning", Verb.UPDATE),
            Map.entry("operator seal", Verb.UPDATE), Map.entry("operator step-down", Verb.UPDATE),
            // disabling a mount or an auth method deletes its secrets, or revokes every token it issued
            Map.entry("secrets disable", Verb.DELETE), Map.entry("auth disable", Verb.DELETE), Map.entry("lease revoke", Verb.GRANT),
            // vault pki: checks of a PKI mount's issuers and configuration; issue and reissue mint a key pair and certificate
            Map.entry("pki health-check", Verb.READ), Map.entry("pki verify-sign", Verb.READ),
            Map.entry("pki list-intermediates", Verb.READ), Map.entry("pki issue", Verb.CREATE), Map.entry("pki reissue", Verb.CREATE));

    /**
     * Paths {@code vault read} answers with configuration or metadata only: the {@code sys/} endpoints (health, mounts,
     * auth methods, policies, leader, seal status) and KV version 2's {@code metadata/}. Not {@code sys/raw}, which
     * returns storage entries as stored, secrets included, nor a raft snapshot, which holds every secret. A PKI mount's
     * certificates, chains, revocation lists, issuers, roles and URLs are public halves: its private keys come only from
     * {@code issue}, {@code sign} or an exported {@code key}, which are writes or other paths.
     */
    private static final Pattern METADATA_PATHS = Pattern.compile("/?(sys/(?!raw(/|$)|storage/raft/snapshot).*|[^/]+/metadata/.+"
            + "|pki[\\w-]*/(cert/[^/]+(/raw(/pem)?)?|certs(/revoked)?|ca(/pem)?|ca_chain|crl(/pem|/delta(/pem)?)?|issuers?(/[^/]+)?"
            + "|issuer/[^/]+/(json|pem|der|crl(/pem)?)|roles(/[^/]+)?|config/(urls|crl|issuers|auto-tidy|cluster)|tidy-status))");

    /** 1Password subcommand → verb. */
    private static final Map<String, Verb> OP = Map.ofEntries(
            Map.entry("read", Verb.CREDENTIAL), Map.entry("item get", Verb.CREDENTIAL), Map.entry("document get", Verb.CREDENTIAL),
            Map.entry("inject", Verb.CREDENTIAL), Map.entry("run", Verb.CREDENTIAL), Map.entry("signin", Verb.CREDENTIAL),
            Map.entry("item list", Verb.READ), Map.entry("vault list", Verb.READ), Map.entry("whoami", Verb.READ),
            Map.entry("account list", Verb.READ), Map.entry("item create", Verb.CREATE), Map.entry("item edit", Verb.UPDATE),
            Map.entry("item delete", Verb.DELETE), Map.entry("document delete", Verb.DELETE), Map.entry("vault delete", Verb.DELETE),
            // vaults, people and documents by name: metadata, not the items' fields
            Map.entry("vault get", Verb.READ), Map.entry("document list", Verb.READ), Map.entry("user list", Verb.READ),
            Map.entry("user get", Verb.READ), Map.entry("group list", Verb.READ), Map.entry("group get", Verb.READ),
            Map.entry("account get", Verb.READ), Map.entry("item template list", Verb.READ), Map.entry("connect server list", Verb.READ));

    static List<Operation> recognize(Invocation inv) {
        return switch (inv.program()) {
            case "vault" -> vault(inv);
            case "op" -> onePassword(inv);
            case "security" -> keychain(inv);
            case "pass", "gopass" -> pass(inv);
            case "kwallet-query" -> kwallet(inv);
            case "secret-tool" -> secretTool(inv);
            case "sops", "ansible-vault", "age" -> decrypter(inv);
            case "git-crypt" -> gitCrypt(inv);
            default -> gpg(inv);
        };
    }

    private static List<Operation> vault(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-address", "--address", "-namespace", "--namespace", "-field", "--field",
                "-mount", "--mount", "-format", "--format", "-policy", "--policy", "-method", "--method"));
        List<String> words = p.words();
        if (inv.words().stream().anyMatch(w -> w.equals("-h") || w.equals("-help") || w.equals("--help"))) {
            // vault kv get -h: Vault's flag parser prints the usage and runs nothing (its flags are Go's, never bundled:
            // -orphan is not -o -r -p -h …)
            return List.of(Operation.builder("vault", Verb.READ).resource("help", String.join(" ", words)).evidence(inv.evidence())
                    .note("prints vault's usage").build());
        }
        if (!words.isEmpty() && words.getFirst().equals("server")) {
            return List.of(vaultServer(inv));
        }
        Verb verb = lookup(VAULT, words);
        String name = name(VAULT, words);
        if (verb == Verb.CREDENTIAL && words.getFirst().equals("read") && METADATA_PATHS.matcher(name).matches()) {
            verb = Verb.READ;
        }
        String address = p.value("-address", "--address").orElse(inv.env().getOrDefault("VAULT_ADDR", ""));
        Operation.Builder b = Operation.builder("vault", verb)
                .resource("secret", p.value("-mount", "--mount").map(m -> m + "/").orElse("") + name)
                .locator("host", Hosts.of(address))
                .locator("namespace", p.value("-namespace", "--namespace").orElse(inv.env().getOrDefault("VAULT_NAMESPACE", "")))
                .evidence(inv.evidence());
        if (words.size() > 1 && words.get(1).equals("destroy") || words.contains("metadata") && words.contains("delete")) {
            b.verb(Verb.DELETE).stateful(true).reversible(false).note("destroys secret versions for good");
        } else if (verb == Verb.DELETE) {
            b.stateful(true).note("deletes a secret");
        } else if (verb == Verb.CREDENTIAL) {
            b.note("reads a secret from Vault");
        }
        if (Hosts.loopback(Hosts.of(address))) {
            LocalFiles.local(inv, b, "Vault dev server on this machine");
        }
        return List.of(b.build());
    }

    /**
     * {@code vault server -dev}: an in-memory Vault on this machine, empty and gone when it stops; the root token on its
     * command line opens nothing else. A server from a configuration is started here too: what it serves is in the
     * storage that configuration names, opened only by its unseal keys.
     */
    private static Operation vaultServer(Invocation inv) {
        boolean dev = inv.words().stream().anyMatch(w -> w.equals("-dev") || w.equals("--dev") || w.startsWith("-dev-tls")
                || w.equals("-dev=true"));
        return LocalFiles.local(inv, Operation.builder("vault", Verb.EXECUTE).resource("server", dev ? "dev server" : "server")
                .evidence(inv.evidence())
                .note(dev ? "starts a throwaway in-memory Vault dev server" : "starts a Vault server from its configuration"),
                "a server process on this machine").build();
    }

    private static List<Operation> onePassword(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--vault", "--account", "--fields", "--format", "--field", "-o", "--out-file"));
        List<String> words = p.words();
        Verb verb = lookup(OP, words);
        String name = name(OP, words);
        Operation.Builder b = Operation.builder("1password", verb).resource("secret", name)
                .locator("account", p.value("--account").orElse(""))
                .evidence(inv.evidence());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        } else if (verb == Verb.CREDENTIAL) {
            b.note("reads a secret from 1Password");
        }
        return List.of(b.build());
    }

    /**
     * macOS {@code security} subcommands that do more than look (prefixes: {@code delete-generic-password} is
     * {@code delete-}). {@code find-*-password} prints the password itself only with {@code -w}/{@code -g}.
     */
    private static final Map<String, Verb> KEYCHAIN = Map.ofEntries(
            Map.entry("dump-keychain", Verb.CREDENTIAL), Map.entry("export", Verb.CREDENTIAL),
            Map.entry("unlock-keychain", Verb.CREDENTIAL), Map.entry("delete-", Verb.DELETE), Map.entry("add-", Verb.UPDATE),
            Map.entry("set-", Verb.UPDATE), Map.entry("import", Verb.UPDATE), Map.entry("create-keychain", Verb.CREATE),
            Map.entry("lock-keychain", Verb.UPDATE), Map.entry("remove-trusted-cert", Verb.UPDATE),
            // authorizationdb write system.privilege.admin allow: who may do what an administrator does
            Map.entry("authorizationdb write", Verb.ESCALATE), Map.entry("authorizationdb remove", Verb.ESCALATE));
    /** The keychains every login depends on: the user's own store of saved passwords, and the machine's. */
    private static final Pattern CREDENTIAL_STORES = Pattern.compile("(.*/)?(login|System|metainfo)\\.keychain(-db)?");

    private static List<Operation> keychain(Invocation inv) {
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "" : words.getFirst();
        String two = words.size() > 1 ? sub + " " + words.get(1) : sub;
        // -w/-g may come bundled with other flags (-wa github)
        boolean prints = words.stream().anyMatch(w -> Regex.matches(w, "-[A-Za-z]*[wg][A-Za-z]*"));
        Verb verb = KEYCHAIN.entrySet().stream().filter(e -> e.getKey().endsWith("-") ? sub.startsWith(e.getKey())
                        : e.getKey().equals(sub) || e.getKey().equals(two))
                .map(Map.Entry::getValue).findFirst().orElse(sub.startsWith("find-") && prints ? Verb.CREDENTIAL : Verb.READ);
        if (verb == Verb.ESCALATE) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.ESCALATE).resource("authorization", words.size() > 2 ? words.get(2) : "")
                    .reversible(false).evidence(inv.evidence()).note("security " + two + " changes who may act as an administrator"),
                    "this machine's privileges").build());
        }
        if (sub.equals("delete-keychain")) {
            return List.of(deleteKeychain(inv, inv.parse(Set.of()).positionals().stream().map(a -> a.value()).toList()));
        }
        return List.of(local(inv, "keychain", "secret", sub, verb));
    }

    /**
     * Deleting the login or System keychain (or the default one, when none is named) loses every saved password and key
     * at once, with no copy: the user's whole credential store. Another keychain holds what was put in it (a signing
     * identity); one in the workspace or a temporary directory is a build's own.
     */
    private static Operation deleteKeychain(Invocation inv, List<String> keychains) {
        List<String> names = keychains.size() > 1 ? keychains.subList(1, keychains.size()) : List.of();
        boolean store = names.isEmpty() || names.stream().anyMatch(n -> CREDENTIAL_STORES.matcher(n).matches());
        String name = String.join(" ", names);
        Operation.Builder b = Operation.builder("keychain", Verb.DELETE).resource("keychain", name.isEmpty() ? "default keychain" : name)
                .evidence(inv.evidence());
        if (store) {
            b.scope(Scope.ALL).stateful(true).reversible(false)
                    .note("deletes " + (name.isEmpty() ? "the default keychain" : name) + ": every saved password and key in it, for good");
        } else if (names.stream().allMatch(n -> n.contains("/") && buildOwn(inv.workspace().area(n)))) {
            b.note("deletes a build's own keychain");
        } else {
            // a bare name is one of ~/Library/Keychains
            b.stateful(true).reversible(false).note("deletes the keychain " + name + " and what was saved in it");
        }
        return LocalFiles.local(inv, b, "keychain on this machine").build();
    }

    private static boolean buildOwn(Workspace.Area area) {
        return area == Workspace.Area.WORKSPACE || area == Workspace.Area.TEMP;
    }

    /**
     * pass and gopass (the same store, the same words): {@code show} (also a bare entry name, gopass's {@code -o} or
     * {@code cat}, an {@code otp} code) prints a secret; {@code ls}/{@code find} list names only; {@code rm} deletes the
     * encrypted entry ({@code -r} a whole folder of them); gopass's {@code recipients add|remove} changes who can decrypt.
     */
    private static List<Operation> pass(Invocation inv) {
        List<String> words = inv.parse(Set.of()).words();
        String sub = words.isEmpty() ? "ls" : words.getFirst();
        Verb verb = switch (sub) {
            case "ls", "list", "find", "search", "grep", "git", "version", "help", "mounts", "templates", "fsck", "audit",
                 "config", "history", "sync", "update", "completion" -> Verb.READ;
            case "insert", "add", "edit", "generate", "mv", "move", "cp", "copy", "init", "setup", "clone", "create", "new" -> Verb.UPDATE;
            case "rm", "remove", "delete" -> Verb.DELETE;
            case "recipients" -> words.size() > 1 && !words.get(1).equals("ls") && !words.get(1).equals("list") ? Verb.GRANT : Verb.READ;
            default -> Verb.CREDENTIAL;
        };
        String name = sub.equals("show") || verb != Verb.CREDENTIAL ? (words.size() > 1 ? words.get(1) : "") : sub;
        Operation op = local(inv, inv.program(), "secret", name, verb);
        Optional<String> tier = verb == Verb.CREDENTIAL ? DeploymentWords.tierWordIn(name) : Optional.empty();
        if (tier.isPresent()) {
            // the store is on this machine, the password is production's (pass show prod/db/postgres): held as production's secret
            op = Operation.builder(inv.program(), verb).resource("secret", name).scope(Scope.ONE).evidence(inv.evidence())
                    .locator("environment", tier.get()).note("prints the password " + name + ", named for " + tier.get()).build();
        } else if (verb == Verb.DELETE) {
            // the entry is gone unless the store is a git repository someone restores from: treat it as lost
            boolean recursive = inv.words().stream().anyMatch(w -> Regex.matches(w, "-[a-zA-Z]*r[a-zA-Z]*|--recursive"));
            op = op.toBuilder().stateful(true).reversible(false).scope(recursive ? Scope.MANY : Scope.ONE)
                    .note("deletes " + (recursive ? "every password under " : "the password ") + name + " from " + inv.program()).build();
        } else if (verb == Verb.GRANT) {
            op = op.toBuilder().resource("recipients", words.size() > 2 ? words.get(2) : "").reversible(false)
                    .note("re-encrypts the store for another key: its holder can decrypt every password").build();
        }
        return List.of(op);
    }

    /** KDE Wallet's {@code kwallet-query}: {@code -r} prints an entry's password, {@code -l} lists folders and entries, {@code -w} writes one. */
    private static List<Operation> kwallet(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-r", "--read-password", "-w", "--write-password", "-f", "--folder"));
        Verb verb = p.has("-r", "--read-password") ? Verb.CREDENTIAL : p.has("-w", "--write-password") ? Verb.UPDATE : Verb.READ;
        String entry = p.value("-r", "--read-password", "-w", "--write-password").orElse("");
        String folder = p.value("-f", "--folder").orElse("");
        return List.of(local(inv, "kwallet", "secret", folder.isEmpty() ? entry : folder + "/" + entry, verb));
    }

    /** libsecret's {@code secret-tool}: {@code lookup} prints a password, {@code search} prints secrets with their attributes. */
    private static List<Operation> secretTool(Invocation inv) {
        List<String> words = inv.parse(Set.of()).words();
        String sub = words.isEmpty() ? "" : words.getFirst();
        Verb verb = switch (sub) {
            case "lookup", "search" -> Verb.CREDENTIAL;
            case "store" -> Verb.UPDATE;
            case "clear" -> Verb.DELETE;
            default -> Verb.READ;
        };
        return List.of(local(inv, "keyring", "secret", String.join(" ", words.subList(Math.min(1, words.size()), words.size())), verb));
    }

    private static List<Operation> gpg(Invocation inv) {
        List<String> words = inv.words();
        Verb verb = Verb.READ;
        for (String w : words) {
            if (w.equals("-d") || w.equals("--decrypt") || w.startsWith("--export-secret") || w.equals("--card-edit")) {
                verb = Verb.CREDENTIAL;
            } else if (w.startsWith("--delete-secret") || w.equals("--delete-keys") || w.equals("--delete-key")) {
                verb = Verb.DELETE;
            } else if (w.equals("--import") || w.equals("--gen-key") || w.equals("--full-generate-key") || w.equals("--edit-key")) {
                verb = verb == Verb.READ ? Verb.UPDATE : verb;
            }
        }
        Operation op = local(inv, "gpg", "key", "", verb);
        return List.of(verb == Verb.DELETE ? op.toBuilder().stateful(true).reversible(false).build() : op);
    }

    /** What each file-encryption tool's words do: decrypting (or opening decrypted) reads the secrets in clear. */
    private static final Map<String, Verb> DECRYPTERS = Map.ofEntries(
            Map.entry("sops -d", Verb.CREDENTIAL), Map.entry("sops --decrypt", Verb.CREDENTIAL),
            Map.entry("sops decrypt", Verb.CREDENTIAL), Map.entry("sops exec-env", Verb.CREDENTIAL),
            Map.entry("sops exec-file", Verb.CREDENTIAL), Map.entry("sops edit", Verb.CREDENTIAL),
            Map.entry("sops -e", Verb.UPDATE), Map.entry("sops --encrypt", Verb.UPDATE), Map.entry("sops encrypt", Verb.UPDATE),
            Map.entry("sops -r", Verb.UPDATE), Map.entry("sops rotate", Verb.UPDATE),
            // re-keying to the recipients in .sops.yaml, or to added ones, changes who can decrypt the file
            Map.entry("sops updatekeys", Verb.GRANT), Map.entry("sops --add-age", Verb.GRANT), Map.entry("sops --add-pgp", Verb.GRANT),
            Map.entry("sops --add-kms", Verb.GRANT), Map.entry("sops --add-gcp-kms", Verb.GRANT),
            Map.entry("sops --add-azure-kv", Verb.GRANT), Map.entry("sops --add-hc-vault-transit", Verb.GRANT),
            Map.entry("sops filestatus", Verb.READ), Map.entry("sops --version", Verb.READ), Map.entry("sops --help", Verb.READ),
            Map.entry("ansible-vault view", Verb.CREDENTIAL), Map.entry("ansible-vault decrypt", Verb.CREDENTIAL),
            Map.entry("ansible-vault edit", Verb.CREDENTIAL), Map.entry("ansible-vault encrypt", Verb.UPDATE),
            Map.entry("ansible-vault encrypt_string", Verb.READ), Map.entry("ansible-vault create", Verb.UPDATE),
            Map.entry("ansible-vault rekey", Verb.UPDATE), Map.entry("age -d", Verb.CREDENTIAL),
            Map.entry("age --decrypt", Verb.CREDENTIAL));

    /** git-crypt's commands; its key is the repository's one symmetric key, which opens every encrypted file. */
    private static final Map<String, Verb> GIT_CRYPT = Map.ofEntries(
            Map.entry("add-gpg-user", Verb.GRANT), Map.entry("export-key", Verb.CREDENTIAL),
            // unlock decrypts every protected file in the working tree, in clear
            Map.entry("unlock", Verb.CREDENTIAL),
            Map.entry("init", Verb.UPDATE), Map.entry("lock", Verb.UPDATE),
            Map.entry("status", Verb.READ), Map.entry("help", Verb.READ), Map.entry("version", Verb.READ),
            Map.entry("--version", Verb.READ), Map.entry("--help", Verb.READ));

    /**
     * {@code git-crypt add-gpg-user KEY} commits the repository key encrypted to a new holder: from then on they decrypt
     * every encrypted secret in every clone, and no later commit takes that back.
     */
    private static List<Operation> gitCrypt(Invocation inv) {
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "help" : words.getFirst();
        Verb verb = GIT_CRYPT.getOrDefault(sub, Verb.UNKNOWN);
        String who = words.stream().skip(1).filter(w -> !w.startsWith("-")).findFirst().orElse("");
        Operation.Builder b = Operation.builder("git-crypt", verb).resource("repository-key", verb == Verb.GRANT ? who : "")
                .scope(verb == Verb.GRANT || verb == Verb.CREDENTIAL ? Scope.ALL : Scope.ONE).evidence(inv.evidence())
                .note(switch (verb) {
                    case GRANT -> "gives " + (who.isEmpty() ? "a new key holder" : who) + " the key to every encrypted secret in the repository";
                    case CREDENTIAL -> sub.equals("unlock") ? "decrypts every encrypted secret in the working tree"
                            : "exports the repository key, which decrypts every encrypted secret";
                    default -> "git-crypt " + sub;
                });
        if (verb == Verb.GRANT) {
            b.reversible(false);
        }
        if (verb == Verb.UNKNOWN) {
            b.confidence(dev.interlock.model.Confidence.INFERRED);
        }
        return List.of(LocalFiles.local(inv, b, "git-crypt in this checkout").build());
    }

    /** Which of two words decides: reading in clear over widening who can decrypt, over any other change. */
    private static final List<Verb> DECRYPTER_ORDER = List.of(Verb.CREDENTIAL, Verb.GRANT);

    /**
     * sops, ansible-vault, age: the first word the table knows decides, unless a later one reveals or grants more; a
     * bare {@code sops FILE} opens the file decrypted in an editor, and age without {@code -d} encrypts.
     */
    private static List<Operation> decrypter(Invocation inv) {
        Verb verb = null;
        String file = "";
        for (String w : inv.words()) {
            Verb v = DECRYPTERS.get(inv.program() + " " + w);
            if (v != null) {
                verb = verb == null || stronger(v, verb) ? v : verb;
            } else if (!w.startsWith("-")) {
                file = w;
            }
        }
        if (verb == null) {
            verb = inv.program().equals("age") ? Verb.READ : Verb.CREDENTIAL; // unknown words: the stricter reading
        }
        if (verb == Verb.GRANT) {
            return List.of(rekey(inv, file));
        }
        if (verb == Verb.UPDATE && inPlace(inv)) {
            // encrypting, re-keying or rotating rewrites the secrets file: production's when the file is named for it
            return List.of(placed(inv, Operation.builder(inv.program(), verb).resource("file", file).scope(Scope.ONE)
                    .evidence(inv.evidence()).note("rewrites the encrypted secrets in " + (file.isEmpty() ? "the file" : file)), file));
        }
        return List.of(local(inv, inv.program(), "file", file, verb));
    }

    /** ansible-vault rewrites the file it is given (unless {@code --output}); sops only with {@code -i}. */
    private static boolean inPlace(Invocation inv) {
        List<String> words = inv.words();
        return inv.program().equals("ansible-vault") ? words.stream().noneMatch(w -> w.startsWith("--output"))
                : inv.program().equals("sops") && (words.contains("-i") || words.contains("--in-place"));
    }

    private static boolean stronger(Verb v, Verb than) {
        int a = DECRYPTER_ORDER.indexOf(v);
        int b = DECRYPTER_ORDER.indexOf(than);
        return a >= 0 && (b < 0 || a < b);
    }

    /**
     * {@code sops updatekeys -y secrets/prod.enc.yaml}: the data key is encrypted anew for the recipients the config now
     * names; each new one can decrypt every copy of the file from then on, which no later re-key takes back. A file named
     * for production holds production's secrets: the grant is there.
     */
    private static Operation rekey(Invocation inv, String file) {
        Operation.Builder b = Operation.builder(inv.program(), Verb.GRANT).resource("file", file).scope(Scope.ONE)
                .reversible(false).evidence(inv.evidence())
                .note("re-encrypts " + (file.isEmpty() ? "the file" : file) + " for new recipients: whoever holds their keys can decrypt it");
        return placed(inv, b, file);
    }

    /** A secrets file named for production ({@code inventories/production/…/vault.yml}) holds production's secrets. */
    private static Operation placed(Invocation inv, Operation.Builder b, String file) {
        if (!file.isEmpty() && DeploymentWords.forProduction(file)) {
            return b.locator("path", inv.workspace().resolve(file)).locator("environment", "production").build();
        }
        return LocalFiles.local(inv, b, inv.program() + " on this machine").build();
    }

    private static Operation local(Invocation inv, String system, String type, String name, Verb verb) {
        Operation.Builder b = Operation.builder(system, verb).resource(type, name).scope(Scope.ONE).evidence(inv.evidence());
        if (verb == Verb.CREDENTIAL) {
            b.note("reads secret material from " + system);
        }
        return LocalFiles.local(inv, b, system + " on this machine").build();
    }

    /** Unknown subcommands of a secret store are taken as reading a secret: the stricter reading. */
    private static Verb lookup(Map<String, Verb> table, List<String> words) {
        if (words.isEmpty()) {
            return Verb.READ;
        }
        int used = SecretManagers.used(table, words);
        return used == 0 ? Verb.CREDENTIAL : table.get(String.join(" ", words.subList(0, used)));
    }

    /** The word after the subcommand (after the first word when the table does not know it). */
    private static String name(Map<String, Verb> table, List<String> words) {
        int at = Math.max(1, SecretManagers.used(table, words));
        return words.size() > at ? words.get(at) : "";
    }

}
