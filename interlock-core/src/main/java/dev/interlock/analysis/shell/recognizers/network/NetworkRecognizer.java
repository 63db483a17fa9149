package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.mesh.HaproxyRuntime;
import dev.interlock.analysis.shell.recognizers.netdevices.DeviceApis;
import dev.interlock.analysis.shell.recognizers.saas.CommerceApis;
import dev.interlock.analysis.shell.recognizers.saas.MethodNamedApis;
import dev.interlock.analysis.shell.recognizers.saas.SaasApis;
import dev.interlock.analysis.shell.recognizers.saas.TestModes;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Data leaving this machine and requests that change remote endpoints: HTTP clients ({@code curl}, {@code wget},
 * HTTPie, {@code xh}), copies to other hosts ({@code scp}, {@code sftp}; {@code rsync} is the filesystem
 * recognizer's), raw sockets ({@code nc},
 * {@code socat}) and interactive {@code ssh}. Uploading a local file is {@code transfer}; fetching is a {@code read};
 * {@code DELETE}/{@code PUT}/{@code PATCH}/{@code POST} change the endpoint. The environment is left to the host
 * locator ({@code localhost} resolves local).
 */
public final class NetworkRecognizer implements dev.interlock.analysis.shell.Recognizer {

    static final Set<String> CURL_VALUED = Set.of("-d", "--data", "--data-binary", "--data-raw", "--data-ascii",
            "--data-urlencode", "--json", "-F", "--form", "--form-string", "-T", "--upload-file", "-X", "--request",
            "-H", "--header", "-o", "--output", "-u", "--user", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie",
            "-c", "--cookie-jar", "--url", "-w", "--write-out", "-m", "--max-time", "--connect-timeout", "--retry", "-x",
            "--proxy", "-K", "--config", "--cacert", "--cert", "--key", "-E", "--resolve", "-r", "--range", "--limit-rate",
            "--max-filesize", "--output-dir", "--oauth2-bearer", "-U", "--proxy-user", "--retry-delay", "--retry-max-time",
            // values that are file names or numbers, which would otherwise be taken for the URL (curl -D - URL)
            "-D", "--dump-header", "--stderr", "--trace", "--trace-ascii", "--max-redirs", "--aws-sigv4", "--unix-socket",
            "--connect-to", "--noproxy", "--netrc-file", "--capath", "--interface", "-Y", "--speed-limit", "-y", "--speed-time",
            "-z", "--time-cond", "--request-target", "--proto", "--ciphers", "--tls-max", "--dns-servers", "--doh-url");
    private static final Set<String> CURL_DATA = Set.of("-d", "--data", "--data-binary", "--data-raw", "--data-ascii",
            "--data-urlencode", "--json");
    private static final Set<String> WGET_VALUED = Set.of("-O", "--output-document", "-o", "--output-file", "-P",
            "--directory-prefix", "--post-data", "--post-file", "--body-data", "--body-file", "--method", "--header",
            "-U", "--user-agent", "--user", "--password", "-t", "--tries", "-T", "--timeout", "-e", "--execute", "-i", "--input-file");
    private static final Set<String> HTTPIE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> SSH_VALUED = Set.of("-p", "-i", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-W", "-b",
            "-c", "-E", "-e", "-m", "-O", "-Q", "-S", "-w", "-B", "-P");
    /** Cloud instance metadata services (AWS IMDS and its IPv6 form, ECS task credentials, Google, Azure, Alibaba). */
    private static final java.util.regex.Pattern INSTANCE_METADATA = java.util.regex.Pattern.compile(
            "(?i)^(?:https?://)?(?:169\\.254\\.169\\.254|\\[?fd00:ec2::254\\]?|169\\.254\\.170\\.2|metadata\\.google\\.internal|metadata/|100\\.100\\.100\\.200)");
    private static final java.util.regex.Pattern METADATA_CREDENTIALS = java.util.regex.Pattern.compile(
            "(?i)security-credentials|/identity|oauth2/token|service-accounts/[^/]*/(?:token|identity)|/token\\b|/credentials|169\\.254\\.170\\.2|api/token|ram/security");
    /**
     * A search endpoint answers the query a POST carries and keeps nothing (Atlas's {@code /api/atlas/v2/search/basic},
     * a catalog's {@code /v1/search}, {@code /api/search/query}); one kind word may follow it.
     */
    private static final java.util.regex.Pattern SEARCH = java.util.regex.Pattern.compile(
            "(?i).*/(search|_search|search_v2)(/(basic|dsl|fulltext|quick|advanced|attribute|relationship|query|suggest(ions)?))?/?");
    private static final java.util.regex.Pattern GOOGLE_PROJECT = java.util.regex.Pattern.compile("/projects/([^/:]+)");
    private static final Set<String> GIT_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "ssh.dev.azure.com",
            "codeberg.org", "git.sr.ht");

    @Override
    public Set<String> programs() {
        return Set.of("curl", "awscurl", "wget", "http", "https", "xh", "xhs", "httpie", "scp", "sftp", "nc", "ncat",
                "netcat", "socat", "ssh", "telnet", "ftp", "lftp");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "curl" -> curl(inv, nested);
            case "awscurl" -> AwsCurl.signed(inv, curl(inv, nested));
            case "wget" -> wget(inv, nested);
            case "http", "https", "xh", "xhs", "httpie" -> httpie(inv, nested);
            case "scp" -> RemoteCopy.recognize(inv, inv.parse(Set.of("-P", "-i", "-o", "-F", "-c", "-l", "-S", "-J")));
            case "telnet" -> spoken(inv, nested, inv.parse(Set.of()).positional(0).orElse(""),
                    inv.parse(Set.of()).positional(1).orElse("")).orElseGet(() -> ssh(inv, nested));
            case "sftp" -> RemoteCopy.sftpDownload(inv).orElseGet(() -> ssh(inv, nested));
            case "lftp" -> LftpCommands.operations(inv).orElseGet(() -> ssh(inv, nested));
            case "ssh", "ftp" -> ssh(inv, nested);
            default -> socket(inv, nested);
        };
    }

    private static List<Operation> curl(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(inv.program().equals("awscurl") ? AwsCurl.VALUED : CURL_VALUED);
        String url = p.value("--url").orElse(p.positional(0).orElse(""));
        List<String> files = new ArrayList<>();
        List<String> body = new ArrayList<>();
        boolean data = false;
        boolean uploadsInput = false;
        for (Map.Entry<String, List<String>> flag : p.flags().entrySet()) {
            for (String v : flag.getValue()) {
                if (CURL_DATA.contains(flag.getKey())) {
                    data = true;
                    sent(inv, v).ifPresent(body::add);
                    String file = flag.getKey().equals("--data-urlencode") && v.contains("@") ? v.substring(v.indexOf('@')) : v;
                    if (file.startsWith("@") && !file.equals("@-")) {
                        files.add(file.substring(1));
                        // -d @query.json: the file's text is the body, judged like one on the command line when it is known
                        if (!flag.getKey().equals("--data-urlencode")) {
                            nested.written(file.substring(1)).ifPresent(body::add);
                        }
                    }
                } else if (flag.getKey().equals("-F") || flag.getKey().equals("--form")) {
                    data = true;
                    int at = v.indexOf("=@") >= 0 ? v.indexOf("=@") : v.indexOf("=<");
                    if (at >= 0 && !v.substring(at + 2).startsWith("-")) {
                        files.add(Regex.before(v.substring(at + 2), ";"));
                    }
                    uploadsInput |= at >= 0 && Regex.before(v.substring(at + 2), ";").equals("-");
                } else if (flag.getKey().equals("-T") || flag.getKey().equals("--upload-file")) {
                    if (v.equals("-") || v.equals(".")) {
                        uploadsInput = true;
                    } else {
                        files.add(v);
                    }
                }
            }
        }
        String method = p.value("-X", "--request").orElse("").toUpperCase(java.util.Locale.ROOT);
        if (p.has("-G", "--get", "-I", "--head")) {
            method = method.isEmpty() ? "GET" : method;
        }
        // -T uploads with PUT unless told otherwise; it is never a read of the URL
        if (p.has("-T", "--upload-file") && method.isEmpty()) {
            method = "PUT";
        }
        // -G sends the data as the query string (ClickHouse's query=…)
        boolean query = p.has("-G", "--get") && !body.isEmpty();
        String target = query ? url + (url.contains("?") ? "&" : "?") + String.join("&", body) : url;
        String verb = method;
        boolean sends = data;
        List<Operation> ops = withSecretsSent(inv, url, withOutput(inv, p.value("-o", "--output"), apis(inv, nested, target, method,
                query ? List.of() : body).orElseGet(() -> http(inv, url, verb, sends, files, body))));
        return uploadsInput ? withInputUploaded(inv, url, ops) : ops;
    }

    /**
     * {@code curl -T - URL}, {@code curl -F file=@- URL}: whatever arrives on standard input is uploaded as a file, to a
     * host that is not this machine: data leaving, as an uploaded file is (a pipeline names what it carries).
     */
    private static List<Operation> withInputUploaded(Invocation inv, String url, List<Operation> ops) {
        String host = Hosts.of(url);
        if (host.isEmpty() || Hosts.loopback(host)) {
            return ops;
        }
        List<Operation> all = new ArrayList<>(ops);
        all.add(Operation.builder("network", Verb.TRANSFER).resource("input", "standard input").locator("host", host)
                .reversible(false).evidence(inv.evidence()).note("uploads its standard input as a file to " + host).build());
        return all;
    }

    private static List<Operation> wget(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(WGET_VALUED);
        List<String> files = new ArrayList<>();
        p.value("--post-file", "--body-file").ifPresent(files::add);
        boolean data = p.has("--post-data", "--body-data", "--post-file", "--body-file");
        String method = p.value("--method").orElse(p.has("--post-data", "--post-file") ? "POST" : "").toUpperCase(java.util.Locale.ROOT);
        String url = p.positional(0).orElse("");
        List<String> body = p.value("--post-data", "--body-data").stream().toList();
        return withSecretsSent(inv, url, withOutput(inv, p.value("-O", "--output-document"), apis(inv, nested, url, method, body)
                .orElseGet(() -> http(inv, url, method, data, files, body))));
    }

    /** What a request does when the service's API says more than its method: secret-returning paths, search and vector stores', data pipelines', stores' customer records, observability backends', app servers' admin endpoints, Hadoop platforms' management APIs, IoT fleets', data exports. */
    private static Optional<List<Operation>> apis(Invocation inv, Nested nested, String url, String method, List<String> body) {
        return SecretEndpoints.read(inv, url, method, !body.isEmpty()).map(List::of).or(() -> SearchApis.of(inv, nested, url, method, body))
                .or(() -> VectorStoreApis.of(inv, url, method, body))
                .or(() -> PipelineApis.of(inv, url))
                .or(() -> CommerceApis.records(inv, Hosts.of(url), path(url), method, body)
                        .map(List::of))
                .or(() -> GraphqlApis.of(inv, nested, url, method, body))
                .or(() -> GatewayAdminApis.of(inv, url, method, !body.isEmpty()))
                .or(() -> DeviceApis.of(inv, url, body))
                .or(() -> FleetApis.of(inv, url, method, body))
                .or(() -> TerraformCloudApis.of(inv, url, method, body))
                .or(() -> CollaborationApis.of(inv, url, method, body))
                .or(() -> FeatureFlagApis.of(inv, url, method, body))
                .or(() -> OrchestratorApis.of(inv, url, method))
                .or(() -> CiTriggerApis.of(inv, url, method, body))
                .or(() -> ForgeApis.of(inv, url, method, body))
                .or(() -> ObservabilityApis.of(inv, url, method, body))
                .or(() -> BiApis.of(inv, url, method, body))
                .or(() -> ErpRpcApis.of(inv, url, method, body))
                .or(() -> LearningPlatformApis.of(inv, url, method, body))
                .or(() -> AppServerAdminApis.of(inv, url, method, body))
                .or(() -> HadoopAdminApis.of(inv, url, method, body))
                .or(() -> DataStoreAdminApis.of(inv, url, method))
                .or(() -> DeviceManagementApis.of(inv, url, method, body))
                .or(() -> QueryCommandApis.of(inv, url, method))
                .or(() -> FhirApis.of(inv, url, method))
                .or(() -> DataExports.of(inv, url, method));
    }

    /**
     * A secret variable in the request's words, sent to a request catcher, paste or tunnel host, leaves with it; so does
     * a credential written into the URL ({@link UrlSecrets}).
     */
    private static List<Operation> withSecretsSent(Invocation inv, String url, List<Operation> ops) {
        Optional<Operation> sent = DropHosts.secretsSent(inv, Hosts.of(url)).or(() -> UrlSecrets.sent(inv, url));
        if (sent.isEmpty()) {
            return ops;
        }
        List<Operation> all = new ArrayList<>(ops);
        all.add(sent.get());
        return all;
    }

    /** A download saved to a file writes that file (Interlock's own files and sudoers included). */
    private static List<Operation> withOutput(Invocation inv, java.util.Optional<String> output, List<Operation> ops) {
        if (output.isEmpty() || output.get().equals("-") || output.get().startsWith("/dev/")) {
            return ops;
        }
        // curl -o users.json …/_search: the rows the API answers with are copied here, as with "> users.json"
        List<Operation> all = new ArrayList<>(ops.stream()
                .map(o -> DatabaseOps.returnsRows(o) ? DatabaseOps.rowsWrittenTo(o, output.get()) : o).toList());
        all.add(SelfProtectionRecognizer.write(inv, output.get(), "downloads into"));
        return all;
    }

    /** HTTPie and xh: {@code http [METHOD] URL [items]}; {@code field@file} and {@code =@file} upload files. */
    private static List<Operation> httpie(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-a", "--auth", "-o", "--output", "--session", "-A", "--auth-type", "--verify",
                "--cert", "--cert-key", "--timeout", "--proxy", "-p", "--print"));
        List<String> words = p.words();
        String method = "";
        int i = 0;
        if (!words.isEmpty() && HTTPIE_METHODS.contains(words.getFirst())) {
            method = words.getFirst();
            i = 1;
        }
        String given = i < words.size() ? words.get(i) : "";
        // HTTPie's shorthand for this machine: ":3000/api", ":/health"
        String url = given.startsWith(":") ? "localhost" + (given.startsWith(":/") ? given.substring(1) : given) : given;
        boolean data = false;
        List<String> files = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ObjectNode fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String item : words.subList(Math.min(i + 1, words.size()), words.size())) {
            if (Regex.matches(item, "[^=:@]*(=@|@)[^=].*") && !item.contains("==")) {
                files.add(item.substring(item.indexOf('@') + 1));
                data = true;
            } else if (Regex.matches(item, "[^=:]*:?=.*") && !item.contains("==")) {
                data = true;
                int eq = item.indexOf('=');
                boolean raw = eq > 0 && item.charAt(eq - 1) == ':';
                fields.put(item.substring(0, raw ? eq - 1 : eq), item.substring(eq + 1));
            }
        }
        // the request items are the JSON body's fields: query='{ … }' is a GraphQL document
        List<String> body = p.value("--raw").or(inv::stdin).or(() -> fields.isEmpty() ? Optional.empty() : Optional.of(fields.toString()))
                .stream().toList();
        boolean sends = data || p.has("--raw") || inv.stdin().isPresent();
        String verb = method;
        return withSecretsSent(inv, url, apis(inv, nested, url, method, body).orElseGet(() -> http(inv, url, verb, sends, files, body)));
    }

    /**
     * The common HTTP reading: local files sent are {@code transfer}; an explicit DELETE deletes the endpoint; PUT and
     * PATCH update it, an explicit POST creates; inline data posted without an explicit method is treated as a query
     * (search APIs, GraphQL, webhooks are the usual case) and stays a read, with a note, unless the host writes on POST
     * ({@link SaasApis#writesOnPost}) or the path is an appliance's configuration API ({@link AdminApiPosts}).
     */
    private static List<Operation> http(Invocation inv, String url, String method, boolean data, List<String> files, List<String> body) {
        String host = Hosts.of(url);
        String path = path(url);
        List<Operation> ops = new ArrayList<>();
        if (INSTANCE_METADATA.matcher(url).find()) {
            boolean credentials = METADATA_CREDENTIALS.matcher(url).find();
            ops.add(Operation.builder("http", credentials ? Verb.CREDENTIAL : Verb.READ)
                    .resource(credentials ? "instance-credentials" : "instance-metadata", path)
                    .locator("host", host.isEmpty() ? "instance-metadata" : host).evidence(inv.evidence())
                    .note(credentials ? "reads the machine's cloud credentials from the instance metadata service" : "reads instance metadata")
                    .build());
            return ops;
        }
        Optional<TestModes.Mode> mode = TestModes.of(inv, host, path, body);
        for (String file : files) {
            boolean secret = CredentialRecognizer.secret(inv, dev.interlock.analysis.shell.Arg.of(file));
            if (secret) {
                ops.add(CredentialRecognizer.secretFile(inv, file));
            }
            if (!Hosts.loopback(host)) {
                Operation sent = transfer(inv, file, host, "uploads " + file + " to " + (host.isEmpty() ? url : host));
                // a template or report attached to a sandbox send goes where the send goes; a secret never does
                ops.add(secret ? sent.toBuilder().resource("credentials", inv.workspace().resolve(file))
                        .locator("host", host).locator("area", inv.workspace().area(file).wire()).build()
                        : mode.map(m -> sent.toBuilder().locator("environment", m.environment()).note(sent.note() + ": " + m.why()).build())
                        .orElse(sent));
            }
        }
        Verb verb = switch (method) {
            case "DELETE" -> Verb.DELETE;
            case "PUT", "PATCH" -> Verb.UPDATE;
            case "POST" -> Verb.CREATE;
            case "", "GET", "HEAD", "OPTIONS" -> Verb.READ;
            default -> Verb.UPDATE;
        };
        Optional<Verb> named = method.isEmpty() || method.equals("POST") ? MethodNamedApis.verb(host, path) : Optional.empty();
        boolean computes = (method.isEmpty() || method.equals("POST"))
                && (SaasApis.readsOnPost(host, path, body) || SEARCH.matcher(path).matches()) || named.orElse(null) == Verb.READ;
        if (named.isPresent()) {
            verb = named.get();
        } else if (computes) {
            verb = Verb.READ;
        } else if (method.isEmpty() && data && (SaasApis.writesOnPost(host) || AdminApiPosts.creates(host, path))) {
            verb = Verb.CREATE;
        }
        if (verb == Verb.READ && !files.isEmpty()) {
            if (!Hosts.loopback(host)) {
                return ops;
            }
            verb = Verb.CREATE;
        }
        Operation.Builder b = Operation.builder("http", verb).resource("endpoint", path).locator("host", host)
                .evidence(inv.evidence());
        mode.ifPresentOrElse(m -> b.locator("environment", m.environment()).note(m.why()),
                () -> PathEnvironments.of(path, method).ifPresent(e -> b.locator("environment", e)));
        // Google's APIs name their project in the path (fcm.googleapis.com/v1/projects/shop-dev/messages:send)
        java.util.regex.Matcher project = GOOGLE_PROJECT.matcher(path);
        if (host.endsWith(".googleapis.com") && project.find()) {
            b.locator("project", project.group(1));
        }
        if (verb == Verb.DELETE) {
            b.stateful(true).note("deletes " + path + " on " + host);
        } else if (computes) {
            b.note("posts to " + path + " on " + host + ", which only computes or searches and changes nothing");
        } else if (verb == Verb.READ && data) {
            b.note("posts inline request data to " + host);
        }
        ops.add(b.build());
        return ops;
    }

    /** An HTTP request that changes {@code url} (from code an interpreter runs); an unknown URL leaves the host empty. */
    public static Operation request(Invocation inv, String url, String method, String note) {
        Verb verb = switch (method) {
            case "DELETE" -> Verb.DELETE;
            case "POST" -> Verb.CREATE;
            default -> Verb.UPDATE;
        };
        return Operation.builder("http", verb).resource("endpoint", url.isEmpty() ? "" : path(url))
                .locator("host", Hosts.of(url)).stateful(verb == Verb.DELETE)
                .confidence(url.isEmpty() ? Confidence.INFERRED : Confidence.EXACT).evidence(inv.evidence()).note(note).build();
    }

    /**
     * {@code what} ({@code type} "credentials" for secrets, else a dump or an archive) sent to {@code host}, a place the
     * organisation may not own: irreversible, and everything in it is out.
     */
    public static Operation exfiltration(String type, String what, String host, dev.interlock.model.Evidence evidence,
                                         Map<String, String> locators) {
        Operation.Builder b = Operation.builder("network", Verb.TRANSFER).resource(type, what)
                .locator("host", host).reversible(false).stateful(true).scope(dev.interlock.model.Scope.ALL).confidence(Confidence.INFERRED)
                .note("sends " + (type.equals("credentials") ? "secrets (" + what + ")" : what)
                        + " to " + (host.isEmpty() ? "another host" : host))
                .evidence(evidence);
        locators.forEach((k, v) -> {
            if (!k.equals("host")) {
                b.locator(k, v);
            }
        });
        return b.build();
    }

    /** Whether {@code host} is a request catcher, paste or tunnel host ({@link DropHosts}), for code that sends to it. */
    public static boolean dropHost(String host) {
        return DropHosts.drop(host);
    }

    /** A local file sent to {@code host}. */
    static Operation transfer(Invocation inv, String file, String host, String note) {
        return Operation.builder("network", Verb.TRANSFER)
                .resource("file", inv.workspace().resolve(file))
                .locator("host", host)
                .locator("area", inv.workspace().area(file).wire())
                .reversible(false)
                .evidence(inv.evidence())
                .note(note)
                .build();
    }

    /** The text a curl data flag sends, when it is on the command line or piped in ({@code @-}); not a file's. */
    private static Optional<String> sent(Invocation inv, String value) {
        if (value.equals("@-")) {
            return inv.stdin();
        }
        return value.startsWith("@") ? Optional.empty() : Optional.of(value);
    }

    /** The port a URL names, or "" when it names none. */
    static String port(String url) {
        return Regex.find(url, "^[a-zA-Z+]+://[^/]*:\\d+")
                ? Regex.replaceFirst(Regex.replaceFirst(url, "^[a-zA-Z+]+://[^/]*:", ""), "\\D.*$", "") : "";
    }

    /** The path a URL names, without its query string. */
    public static String path(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        int slash = rest.indexOf('/');
        String p = slash >= 0 ? rest.substring(slash) : "/";
        int query = p.indexOf('?');
        return query >= 0 ? p.substring(0, query) : p;
    }

    /** {@code ssh host} alone opens a remote shell; with a command the analyzer unwraps it, or we analyze it here. */
    private static List<Operation> ssh(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(SSH_VALUED);
        List<String> words = p.words();
        String target = words.isEmpty() ? "" : words.getFirst();
        String host = target.contains("@") ? target.substring(target.indexOf('@') + 1) : target;
        host = host.startsWith("ssh://") ? Hosts.of(host) : Regex.before(host, ":");
        if (inv.program().equals("ssh") && words.size() > 1) {
            Map<String, String> locators = new HashMap<>(inv.locators());
            locators.put("host", host);
            Invocation remote = new Invocation("ssh", inv.args(), inv.env(), inv.workspace(), inv.evidence(), inv.stdin(), locators);
            List<Operation> ops = new ArrayList<>();
            int start = inv.args().indexOf(p.positionals().getFirst()) + 1;
            String command = String.join(" ", inv.args().subList(start, inv.args().size()).stream()
                    .map(dev.interlock.analysis.shell.Arg::value).toList());
            for (Operation op : nested.shell(command, remote)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
            return ops;
        }
        if (inv.program().equals("sftp") && p.has("-b")) {
            Optional<List<Operation>> batch = SftpBatch.operations(inv, host, p.value("-b").orElse(""));
            if (batch.isPresent()) {
                return batch.get();
            }
        }
        boolean probe = p.has("-T", "-V", "-G") && GIT_HOSTS.contains(host) || p.has("-V", "-G", "-Q");
        Operation.Builder b = Operation.builder(inv.program(), probe ? Verb.READ : Verb.EXECUTE)
                .resource("host", host).locator("host", host).evidence(inv.evidence());
        if (!probe) {
            b.note(p.has("-N") ? "opens a tunnel to " + host : "opens an interactive session on " + host);
        }
        return List.of(b.build());
    }

    /**
     * {@code nc host port}: whatever is piped in leaves; {@code -l} listens, {@code -z} only probes; commands piped to a
     * data store's line protocol are that store's commands ({@link TextProtocols}).
     */
    private static List<Operation> socket(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-p", "-s", "-w", "-i", "-x", "-X", "-q", "-e", "-c", "--exec", "--sh-exec"));
        String host = "";
        String port = "";
        boolean listen = p.has("-l", "--listen");
        boolean runsProgram = false;
        if (inv.program().equals("socat")) {
            for (String address : p.words()) {
                String upper = address.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EXEC:") || upper.startsWith("SYSTEM:")) {
                    runsProgram = true; // the other end talks to a program: with a network address, a remote shell
                } else if (upper.contains("LISTEN")) {
                    listen = true;
                } else if (Regex.matches(upper, "(TCP[46]?(-CONNECT)?|UDP[46]?(-CONNECT|-SENDTO)?|OPENSSL(-CONNECT)?|SSL):.*")) {
                    String[] parts = address.split(":");
                    host = parts.length > 1 ? parts[1] : "";
                    port = parts.length > 2 ? Regex.before(parts[2], ",") : "";
                }
            }
        } else if (!listen) {
            host = p.positional(0).orElse("");
            port = p.positional(1).orElse("");
        }
        if (p.has("-e", "-c", "--exec", "--sh-exec") || runsProgram && (listen || !host.isEmpty())) {
            // A reverse or bind shell gives whoever is at the other end this machine's account: access granted, not a
            // program run. Only when both ends are this machine is it a local plumbing trick.
            boolean loopbackOnly = listen ? boundToLoopback(p)
                    : !host.isEmpty() && Hosts.loopback(host);
            return List.of(shellHandedOver(inv, host, listen, loopbackOnly, ""));
        }
        if (listen && !host.isEmpty() && !Hosts.loopback(host) && inv.program().equals("socat")
                && p.words().stream().noneMatch(a -> Regex.find(a, "(?i)LISTEN[^ ]*,.*bind=(127\\.0\\.0\\.1|localhost|\\[::1\\])"))) {
            // socat TCP-LISTEN:15432,fork TCP:db.prod:5432: whoever reaches this machine reaches that server through it
            return List.of(Operation.builder("network", Verb.GRANT).resource("relay", host + (port.isEmpty() ? "" : ":" + port))
                    .locator("host", host).reversible(true).evidence(inv.evidence())
                    .note("relays " + host + (port.isEmpty() ? "" : ":" + port) + " to every interface of this machine").build());
        }
        Optional<String> unix = unixSocket(inv, p);
        if (!listen && unix.isPresent() && inv.stdin().isPresent()) {
            // a stats socket on the machine where this runs: the commands piped in are what happens
            Optional<List<Operation>> admin = HaproxyRuntime.of(inv, unix.get(), "", inv.stdin().get());
            if (admin.isPresent()) {
                return admin.get();
            }
        }
        if (listen || host.isEmpty()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "listens on a local port"));
        }
        if (!p.has("-z") && !listen) {
            Optional<List<Operation>> commands = spoken(inv, nested, host, port);
            if (commands.isPresent()) {
                return commands.get();
            }
            Optional<List<Operation>> admin = HaproxyRuntime.of(inv, host + ":" + port, host, inv.stdin().orElse(""));
            if (admin.isPresent()) {
                return admin.get();
            }
        }
        Verb verb = p.has("-z") ? Verb.READ : Hosts.loopback(host) ? Verb.EXECUTE : Verb.TRANSFER;
        String target = inv.program().equals("socat") ? host : host + p.positional(1).map(x -> ":" + x).orElse("");
        return List.of(Operation.builder("network", verb).resource("socket", target)
                .locator("host", host).reversible(verb == Verb.READ).evidence(inv.evidence())
                .note(verb == Verb.READ ? "probes a port" : "sends its input to " + host).build());
    }

    /**
     * A shell on this machine wired to a socket ({@code nc -e /bin/sh H P}, {@code socat exec:… tcp:…}, the same in
     * interpreter code): whoever is at {@code host} (anyone who connects, when it listens) gets this machine's account. That
     * is access granted, not a program run; only when both ends are this machine is it a local plumbing trick.
     */
    public static Operation shellHandedOver(Invocation inv, String host, boolean listen, boolean loopbackOnly, String how) {
        return Operation.builder("network", loopbackOnly ? Verb.EXECUTE : Verb.GRANT).resource("socket", host)
                .locator("host", host).reversible(false).evidence(inv.evidence())
                .note((loopbackOnly ? "hands a shell to a peer on this machine"
                        : "hands a shell on this machine to " + (host.isEmpty() || listen ? "whoever connects" : host)) + how)
                .build();
    }

    /** A listener bound to loopback: {@code socat TCP-LISTEN:9000,bind=127.0.0.1 …}, {@code nc -l [-s] 127.0.0.1 9000}. */
    private static boolean boundToLoopback(ParsedArgs p) {
        // 0.0.0.0 is loopback to connect to, but every interface to listen on
        return p.value("-s").or(() -> p.positional(0)).map(h -> Hosts.loopback(h) && !h.equals("0.0.0.0")).orElse(false)
                || p.words().stream().anyMatch(a -> Regex.find(a, "(?i)LISTEN[^ ]*,.*bind=(127\\.[0-9.]+|localhost|\\[?::1\\]?)(,|$)"));
    }

    /** The Unix socket {@code socat} ({@code UNIX-CONNECT:PATH} or a bare path) or {@code nc -U PATH} connects to. */
    private static Optional<String> unixSocket(Invocation inv, ParsedArgs p) {
        if (!inv.program().equals("socat")) {
            return p.has("-U") ? p.positional(0) : Optional.empty();
        }
        return p.words().stream()
                .map(a -> Regex.matches(a, "(?i)(UNIX(-CONNECT|-CLIENT)?|GOPEN):.*") ? Regex.before(a.substring(a.indexOf(':') + 1), ",")
                        : a.startsWith("/") || a.startsWith("./") ? Regex.before(a, ",") : "")
                .filter(path -> !path.isEmpty()).findFirst();
    }

    /** What a data store at {@code host:port} does with the commands piped in, when both are known. */
    private static Optional<List<Operation>> spoken(Invocation inv, Nested nested, String host, String port) {
        if (host.isEmpty() || inv.stdin().isEmpty()) {
            return Optional.empty();
        }
        return TextProtocols.of(inv, nested, host, port, inv.stdin().get());
    }
}
