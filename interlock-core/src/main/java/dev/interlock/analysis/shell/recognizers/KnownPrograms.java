package dev.interlock.analysis.shell.recognizers;

import dev.interlock.model.Verb;
import java.util.Map;
import java.util.Set;

/**
 * Tables behind {@link UnrecognizedProgram}: programs known to be harmless (their arguments are data), build and dev
 * tools, and the words by which an unfamiliar CLI says it destroys or only reads.
 */
public final class KnownPrograms {

    private KnownPrograms() {
    }

    /** A set that tolerates a name listed twice in the long tables below. */
    private static Set<String> names(String... names) {
        return Set.copyOf(java.util.Arrays.asList(names));
    }

    /** Programs that print, inspect or navigate; their arguments never name something they change. */
    static final Set<String> READERS = names("echo", "printf", "true", "false", "test", "[", "[[", "cd", "pushd", "popd",
            "stern", "kubetail", "pg_isready", "getent", "sar", "mpstat", "sadf", "nstat", "systemd-analyze", "ss", "lsof", "lvs", "pvs", "vgs", "lvdisplay", "pvdisplay", "vgdisplay", "lvscan", "pvscan", "vgscan",
            "smartctl", "sensors", "dmidecode", "lshw", "lspci", "lsusb", "lscpu", "lsmem", "numactl", "turbostat",
            "iotop", "iftop", "nload", "nethogs", "bmon", "pidstat", "dstat", "glances", "btop", "atop", "openssl",
            "pwd", "ls", "ll", "la", "l", "dir", "tree", "exa", "eza", "lsd", "find", "fd", "fdfind", "sort", "uniq", "wc",
            "cut", "tr", "diff", "colordiff", "cmp", "comm", "file", "stat", "du", "df", "dust", "ncdu", "which", "type",
            "command", "whereis", "hash", "man", "info", "tldr", "apropos", "date", "cal", "sleep", "basename", "dirname",
            "realpath", "readlink", "md5sum", "md5", "sha1sum", "sha256sum", "sha512sum", "shasum", "cksum", "b2sum", "ps",
            "pgrep", "top", "htop", "btop", "uname", "id", "whoami", "groups", "users", "who", "w", "last", "hostname",
            "uptime", "free", "vmstat", "iostat", "lscpu", "lsblk", "lsusb", "lspci", "nproc", "arch", "locale", "tput",
            "clear", "reset", "history", "alias", "unalias", "jobs", "wait", "fg", "bg", "column", "fold", "fmt", "paste", "join",
            "expand", "unexpand", "rev", "seq", "yes", "shuf", "iconv", "envsubst", "xmllint", "bc", "expr", "dc",
            "factor", "numfmt", "getconf", "dig", "nslookup", "host", "ping", "traceroute", "tracepath", "mtr", "netstat",
            "ss", "lsof", "whois", "tty", "stty", "printf", "read", "let", "declare", "local", "typeset", "readonly",
            "shift", "return", "exit", "break", "continue", "getopts", "trap", "ulimit", "umask", "times", "caller",
            "enable", "help", "logname", "sync", "column", "look", "tsort", "pr", "csplit", "gzip", "gunzip", "zcat",
            "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzip", "tar", "zip", "7z", "open", "xdg-open", "pbcopy",
            "pbpaste", "xclip", "xsel", "say", "notify-send", "tmux", "screen", "script", "tput", "sw_vers", "system_profiler", "ioreg", "launchctl-list",
            "mdfind", "mdls", "locate", "plocate",
            "hyperfine", "tokei", "cloc", "scc", "ctags", "delta", "difft", "glow", "mdcat", "pandoc", "convert",
            "identify", "ffprobe", "otool", "nm", "objdump", "ldd", "readelf", "size", "addr2line",
            "shellcheck", "hadolint", "actionlint", "yamllint", "markdownlint", "codespell", "vale", "fzf", "lnav");

    /** Readers whose operands are names, not contents: {@code ls .env} does not read the secret. */
    static final Set<String> NAMES_ONLY = Set.of("echo", "printf", "ls", "ll", "la", "l", "dir", "tree", "exa", "eza",
            "lsd", "find", "fd", "fdfind", "test", "[", "[[", "cd", "pushd", "popd", "which", "type", "command", "whereis",
            "hash", "man", "info", "tldr", "help", "basename", "dirname", "realpath", "readlink", "stat", "file", "du",
            "alias", "say", "notify-send", "sleep", "date", "true", "false", "mdfind", "mdls", "locate", "plocate");

    /** Programs that print their arguments: a secret variable among them is printed. */
    static final Set<String> PRINTERS = Set.of("echo", "printf", "say", "notify-send");

    /** Editors: they change the files they open. */
    static final Set<String> EDITORS = Set.of("code", "vim", "vi", "nvim", "nano", "emacs", "micro", "subl", "hx", "kak", "ed");

    /** Programs that stop or restart the whole machine. */
    static final Set<String> POWER = Set.of("shutdown", "reboot", "halt", "poweroff");

    /** Programs that create files or directories on this machine and nothing else. */
    static final Set<String> CREATORS = Set.of("touch", "mkdir", "mktemp", "mkfifo");

    /** Build, test and development tools: they run project code locally. */
    static final Set<String> BUILDERS = names("make", "gmake", "cmake", "ctest", "ninja", "meson", "bazel", "bazelisk",
            "buck", "buck2", "pants", "cargo", "rustc", "rustup", "go", "gofmt", "golangci-lint", "mvn", "mvnw", "gradle",
            "gradlew", "sbt", "lein", "clj", "ant", "dotnet", "swift", "swiftc", "xcodebuild", "xcrun", "pytest", "py.test",
            "tox", "nox", "jest", "vitest", "mocha", "ava", "karma", "playwright", "cypress", "tsc", "tsx", "ts-node",
            "eslint", "prettier", "biome", "black", "ruff", "flake8", "mypy", "pyright", "pylint", "isort", "bandit",
            "rubocop", "rspec", "rake", "rails-test", "bundle", "bundler", "gem", "pip", "pip3", "pipx", "poetry", "uv",
            "uvx", "pdm", "hatch", "pipenv", "conda", "mamba", "gcc", "g++", "clang", "clang++", "cc", "c++", "ld",
            "javac", "java", "jar", "jshell", "jbang", "kotlinc", "kotlin", "scalac", "scala", "zig", "ghc", "stack", "cabal",
            "mix", "elixir", "iex", "erl", "rebar3", "dart", "flutter", "composer", "phpunit", "phpstan", "webpack", "vite",
            "esbuild", "rollup", "parcel", "turbo", "nx", "lerna", "pre-commit", "lefthook", "husky", "just", "task",
            "mise", "asdf", "direnv", "configure", "autoconf", "automake", "autoreconf", "libtool", "pkg-config", "protoc",
            "buf", "sqlc", "openapi-generator", "swagger-codegen", "jupyter", "jupyter-lab", "jupyter-notebook", "jupyter-server",
            "jupyter-nbconvert", "jupyter-execute", "papermill", "earthly", "makers", "cargo-make", "ipython", "nvm", "sdk", "jenv", "pyenv",
            "rbenv", "goenv", "nodenv", "corepack", "storybook", "next", "nuxt", "astro", "remix", "expo", "react-native", "metro", "ng", "vue",
            "svelte-kit", "hugo", "jekyll", "mkdocs", "sphinx-build", "doxygen", "javadoc", "godoc", "rustdoc", "valgrind",
            "gdb", "lldb", "jconsole", "coverage", "nyc",
            "c8", "benchstat", "wasm-pack", "trunk", "tauri", "electron", "ncu", "renovate", "dependabot", "cspell",
            "stylelint", "sass", "lessc", "postcss", "tailwindcss", "babel", "swc");

    /**
     * Build tools' options that take a value, so the value is not read as a subcommand: {@code xcodebuild -configuration
     * Release} and {@code swift build -c release} name a build configuration, not a release.
     */
    static final Map<String, Set<String>> BUILD_VALUED = Map.of(
            "xcodebuild", Set.of("-project", "-target", "-workspace", "-scheme", "-configuration", "-xcconfig", "-arch", "-sdk",
                    "-toolchain", "-destination", "-destination-timeout", "-derivedDataPath", "-archivePath", "-resultBundlePath",
                    "-resultStreamPath", "-exportPath", "-exportOptionsPlist", "-xctestrun", "-testPlan", "-only-testing",
                    "-skip-testing", "-testLanguage", "-testRegion", "-clonedSourcePackagesDirPath", "-packageCachePath",
                    "-parallel-testing-worker-count", "-jobs", "-localizationPath", "-exportLanguage", "-authenticationKeyPath",
                    "-authenticationKeyID", "-authenticationKeyIssuerID", "-test-iterations", "-testProductsPath"),
            "swift", Set.of("-c", "--configuration", "--package-path", "--scratch-path", "--build-path",
                    "-Xswiftc", "-Xcc", "-Xlinker", "--triple", "--sdk", "--arch", "--swift-sdk", "--filter", "--skip"),
            "cmake", Set.of("--config", "--build", "-B", "-S", "-G", "-T", "-A", "--preset", "-j", "--parallel"));

    /** Build-tool subcommands that publish to a registry or deploy: they leave this machine. */
    static final Set<String> PUBLISH = Set.of("publish", "deploy", "upload", "release", "push");

    /** Build-tool subcommands that delete regenerable build output. */
    static final Set<String> CLEAN = Set.of("clean", "clobber", "distclean", "mrproper", "cache-clean");

    /** Words by which an unfamiliar CLI destroys something, and the verb they mean. */
    static final Map<String, Verb> DESTRUCTIVE = Map.ofEntries(
            Map.entry("delete", Verb.DELETE), Map.entry("destroy", Verb.DELETE), Map.entry("drop", Verb.DELETE),
            Map.entry("purge", Verb.DELETE), Map.entry("remove", Verb.DELETE), Map.entry("rm", Verb.DELETE),
            Map.entry("del", Verb.DELETE), Map.entry("wipe", Verb.DELETE), Map.entry("erase", Verb.DELETE),
            Map.entry("truncate", Verb.DELETE), Map.entry("flush", Verb.DELETE), Map.entry("flushall", Verb.DELETE),
            Map.entry("flushdb", Verb.DELETE), Map.entry("terminate", Verb.DELETE), Map.entry("kill", Verb.DELETE),
            Map.entry("uninstall", Verb.DELETE), Map.entry("reset", Verb.DELETE), Map.entry("nuke", Verb.DELETE),
            Map.entry("teardown", Verb.DELETE), Map.entry("tear-down", Verb.DELETE), Map.entry("deprovision", Verb.DELETE),
            Map.entry("decommission", Verb.DELETE), Map.entry("shred", Verb.DELETE), Map.entry("prune", Verb.DELETE),
            Map.entry("unregister", Verb.DELETE), Map.entry("deregister", Verb.DELETE), Map.entry("evict", Verb.DELETE),
            Map.entry("clear", Verb.DELETE), Map.entry("rmdir", Verb.DELETE), Map.entry("rmdirs", Verb.DELETE),
            Map.entry("compact", Verb.DELETE), Map.entry("forget", Verb.DELETE), Map.entry("expire", Verb.DELETE),
            Map.entry("revoke", Verb.GRANT), Map.entry("disable", Verb.UPDATE),
            Map.entry("overwrite", Verb.REPLACE), Map.entry("rollback", Verb.UPDATE), Map.entry("restore", Verb.REPLACE));

    /** Words that mean the run only looks. */
    static final Set<String> READ_ONLY = Set.of("get", "list", "ls", "describe", "show", "status", "info", "inspect",
            "cat", "view", "search", "version", "help", "h", "dry-run", "dryrun", "diff", "plan", "check", "validate",
            "lint", "test", "logs", "log", "top", "watch", "whatif", "what-if", "preview", "explain", "print", "dump-config",
            "snapshots", "stats", "stat", "tree", "lsd", "lsf", "lsl", "lsjson", "size", "health", "ping", "whoami", "query",
            "instant", "range", "series", "labels", "targets", "members", "lag", "offsets", "readonly", "read-only", "ps",
            "trace", "render", "history", "events", "audit", "doctor", "verify", "observe",
            // wrangler tail, az webapp log tail: a subcommand that streams logs
            "tail");

    /** Words of one family of tools that print or mint secrets: {@code nomad var get}, {@code consul acl token create}. */
    /**
     * Programs that use a secret file they are handed (after these options or subcommand words) without printing it:
     * VPN clients connecting with their profile and keys, and signing tools signing with the key they are named
     * ({@code in-toto-run --signing-key K}, {@code minisign -S -s K}): using a key to sign is not reading it out, while
     * {@code cat K} still is. Their other arguments are judged as any program's.
     */
    static final Map<String, Set<String>> SECRET_CONSUMERS = Map.ofEntries(
            Map.entry("openvpn", Set.of("--config", "--auth-user-pass", "--secret", "--tls-auth", "--tls-crypt", "--tls-crypt-v2",
                    "--key", "--cert", "--pkcs12", "--askpass", "--ca")),
            Map.entry("wg-quick", Set.of("up", "down", "save")),
            Map.entry("nebula", Set.of("-config")),
            Map.entry("openconnect", Set.of("--certificate", "-c", "--sslkey", "-k", "--config")),
            Map.entry("in-toto-run", signingKeys()), Map.entry("in-toto-record", signingKeys()),
            Map.entry("in-toto-sign", signingKeys()),
            Map.entry("minisign", Set.of("-s")), Map.entry("signify", Set.of("-s")), Map.entry("signify-openbsd", Set.of("-s")));

    /** in-toto's options naming the functionary's signing key (a file, or a GPG key id). */
    private static Set<String> signingKeys() {
        return Set.of("-k", "--key", "--signing-key", "--gpg", "-g");
    }

    /**
     * VPN clients and daemons: every run brings a tunnel up and changes this machine's routes, whatever words its
     * options hold ({@code openvpn --log /tmp/x.log} reads nothing).
     */
    static final Set<String> CONNECTORS = Set.of("openvpn", "openconnect", "tailscaled", "zerotier-one");

    static final Map<String, Set<String>> FAMILY_SECRETS = Map.of(
            "nomad", Set.of("var get", "acl token create", "acl token self", "acl token info", "acl bootstrap", "operator keygen"),
            "consul", Set.of("acl token create", "acl token read", "acl token list", "acl token clone", "acl bootstrap", "keygen"),
            "boundary", Set.of("authenticate", "credential-stores read", "targets authorize-session"),
            // WireGuard prints an interface's private and pre-shared keys (show IFACE private-key, showconf, wg-quick
            // strip); Headscale's pre-auth and API keys join nodes to the tailnet or drive its server. "*" is any one word.
            "wg", Set.of("show * private-key", "show * preshared-keys", "showconf"),
            "wg-quick", Set.of("strip"),
            "headscale", Set.of("preauthkeys create", "preauthkeys list", "preauthkeys ls", "apikeys create"),
            // rclone's config holds each remote's access keys and tokens in clear ("config redacted" masks them)
            "rclone", Set.of("config show", "config dump"),
            // RGW users' S3 keys (user info/create, key create); ceph's own keyrings are StorageClusters'
            "radosgw-admin", Set.of("user info", "user create", "user modify", "key create", "subuser create", "subuser modify",
                    "metadata get"),
            // MinIO's mc: aliases hold each server's access and secret keys; share mints presigned URLs; svcacct add prints a secret
            "mc", Set.of("alias list", "alias ls", "alias export", "config host list", "config host ls", "admin config export",
                    "admin user svcacct add", "share"));

    /** Verbs that destroy data in one family of tools though the word is harmless elsewhere: {@code rclone sync} deletes at the destination. */
    static final Map<String, Map<String, Verb>> FAMILY_DESTRUCTIVE = Map.ofEntries(
            Map.entry("rclone", Map.of("sync", Verb.REPLACE, "move", Verb.DELETE, "moveto", Verb.DELETE, "dedupe", Verb.DELETE,
                    "cleanup", Verb.DELETE, "bisync", Verb.REPLACE)),
            Map.entry("borg", Map.of("recreate", Verb.REPLACE, "break-lock", Verb.UPDATE)),
            Map.entry("restic", Map.of("rewrite", Verb.REPLACE, "unlock", Verb.UPDATE)),
            Map.entry("kopia", Map.of("maintenance", Verb.DELETE)),
            Map.entry("rabbitmqctl", Map.of("reset", Verb.DELETE, "force_reset", Verb.DELETE, "forget_cluster_node", Verb.DELETE,
                    "close_all_connections", Verb.UPDATE, "stop_app", Verb.UPDATE)),
            Map.entry("etcdctl", Map.of("defrag", Verb.UPDATE, "move-leader", Verb.UPDATE)),
            Map.entry("consul", Map.of("leave", Verb.UPDATE, "force-leave", Verb.DELETE)),
            // MinIO's mc and s3cmd: rb removes a bucket; PaaS CLIs whose "down" takes the deployment away
            Map.entry("mc", Map.of("rb", Verb.DELETE, "mirror", Verb.REPLACE)),
            Map.entry("s3cmd", Map.of("rb", Verb.DELETE, "sync", Verb.REPLACE)),
            Map.entry("railway", Map.of("down", Verb.DELETE)),
            // database cluster managers (patronictl has its own recognizer): a failover or a rebuilt replica moves or replaces the primary's data
            Map.entry("repmgr", Map.of("switchover", Verb.UPDATE, "promote", Verb.UPDATE, "clone", Verb.REPLACE)),
            Map.entry("stolonctl", Map.of("failkeeper", Verb.UPDATE, "promote", Verb.UPDATE)),
            // Varnish's CLI: a backend marked sick takes it out of service, a ban invalidates cached objects, VCL changes what serves
            Map.entry("varnishadm", Map.ofEntries(Map.entry("backend.set_health", Verb.UPDATE), Map.entry("ban", Verb.DELETE),
                    Map.entry("ban.url", Verb.DELETE), Map.entry("vcl.use", Verb.UPDATE), Map.entry("vcl.discard", Verb.DELETE), Map.entry("vcl.label", Verb.UPDATE),
                    Map.entry("param.set", Verb.UPDATE), Map.entry("param.reset", Verb.UPDATE), Map.entry("stop", Verb.UPDATE),
                    Map.entry("start", Verb.UPDATE))));

    /**
     * Programs that only look when given one of these flags: configuration tests ({@code nginx -t}, {@code sshd -t},
     * {@code haproxy -c}), metadata listings and consumers ({@code kcat -L}, {@code kcat -C}).
     */
    static final Map<String, Set<String>> READ_FLAGS = Map.ofEntries(
            Map.entry("nginx", Set.of("-t", "-T", "-v", "-V", "-h")),
            Map.entry("apachectl", Set.of("-t", "-S", "-M", "-v", "-V", "configtest")),
            Map.entry("httpd", Set.of("-t", "-S", "-M", "-v", "-V")),
            Map.entry("haproxy", Set.of("-c", "-v", "-vv")),
            Map.entry("sshd", Set.of("-t", "-T")),
            Map.entry("keepalived", Set.of("-t", "--config-test", "-v", "--version", "-h", "--help")),
            Map.entry("kcat", Set.of("-L", "-C", "-Q")),
            Map.entry("kafkacat", Set.of("-L", "-C", "-Q")),
            // papermill --prepare-only writes the notebook with its parameters and runs none of it
            Map.entry("papermill", Set.of("--prepare-only", "--help-notebook")),
            Map.entry("caddy", Set.of("validate", "version", "list-modules", "fmt", "adapt", "environ", "build-info")),
            // vcl.load and vcl.inline compile a candidate configuration; nothing serves it until vcl.use
            Map.entry("varnishadm", Set.of("backend.list", "vcl.list", "vcl.show", "vcl.load", "vcl.inline", "ban.list", "param.show", "status", "ping",
                    "panic.show", "storage.list", "help", "debug.health")),
            Map.entry("certbot", Set.of("certificates", "plugins", "--version")),
            // ZeroTier's local service: status, networks and peers (join, leave and set change the node)
            Map.entry("zerotier-cli", Set.of("info", "listnetworks", "peers", "listpeers", "listmoons", "-v", "-h", "help")),
            // config read, acl policy read, operator raft list-peers, intention match: Consul reads (token reads are secrets above)
            Map.entry("consul", Set.of("members", "catalog", "info", "version", "read", "list-peers", "get-config", "match")),
            Map.entry("named-checkconf", Set.of()),
            // prints the inventory's groups and hosts; kustomize build renders manifests to standard output
            Map.entry("ansible-inventory", Set.of()),
            Map.entry("kustomize", Set.of("build", "cfg", "version", "help")),
            // mc's listing and usage words
            Map.entry("mc", Set.of("du", "ls", "stat", "find", "tree", "diff", "ping", "ready", "info", "head", "cat", "--version")));

    /** Object-store CLIs' aliases for a server on this machine: MinIO's mc ships {@code local} (localhost:9000) for test data. */
    public static final Map<String, Set<String>> LOCAL_ALIASES = Map.of("mc", Set.of("local", "localhost", "127.0.0.1"));

    /** Flags that name where an unfamiliar CLI acts, and the locator each becomes. */
    static final Map<String, String> LOCATOR_FLAGS = Map.ofEntries(
            Map.entry("--context", "context"), Map.entry("--kube-context", "context"), Map.entry("--profile", "profile"),
            Map.entry("--project", "project"), Map.entry("--env", "environment"), Map.entry("--environment", "environment"),
            Map.entry("--stage", "environment"), Map.entry("--host", "host"), Map.entry("-H", "host"),
            Map.entry("--url", "host"), Map.entry("--server", "host"), Map.entry("--bootstrap-server", "host"),
            Map.entry("--endpoint", "host"), Map.entry("--broker-list", "host"), Map.entry("--zookeeper", "host"),
            Map.entry("--address", "host"), Map.entry("--addr", "host"), Map.entry("--namespace", "namespace"),
            Map.entry("-n", "namespace"), Map.entry("--cluster", "cluster"), Map.entry("--region", "region"),
            Map.entry("--account", "account"), Map.entry("--database", "database"), Map.entry("--db", "database"),
            Map.entry("--org", "organization"), Map.entry("--workspace", "workspace"), Map.entry("--stack", "stack"),
            Map.entry("--app", "app"), Map.entry("--vhost", "namespace"),
            // HashiCorp's CLIs spell their flags with one dash
            Map.entry("-address", "host"), Map.entry("-http-addr", "host"), Map.entry("--http-addr", "host"),
            Map.entry("-namespace", "namespace"),
            // velero names its cluster with --kubecontext; Solr's CLI with its ZooKeeper or base URL
            Map.entry("--kubecontext", "context"), Map.entry("--zk-host", "host"), Map.entry("--solr-url", "host"));

    /**
     * CLIs that act on a server on this machine unless one of these flags names another: Solr's {@code bin/solr}
     * defaults to localhost.
     */
    static final Map<String, Set<String>> LOCAL_BY_DEFAULT = Map.of(
            "solr", Set.of("-z", "-zkhost", "--zk-host", "-url", "--solr-url", "--url", "-solrUrl"));

    /** Flags of unfamiliar CLIs that usually take a value (besides the locator flags). */
    static final Set<String> NOUN_FLAGS = Set.of("--topic", "--queue", "--name", "--id", "--bucket", "--table",
            "--index", "--group", "--user", "--key", "--file", "--exchange", "--service", "--instance", "--resource",
            "--collection", "--channel", "--job", "--pipeline", "--repo", "--repository", "--model", "--volume",
            "--snapshot", "--backup", "--cache", "--stream", "--subscription", "--role", "--policy", "--secret",
            "--function", "--domain", "--zone", "--record", "--site", "--team", "--tenant", "--node", "--pool",
            "--consumer-group", "--output", "--format", "--config", "--port", "--type", "--kind", "--path");
}
