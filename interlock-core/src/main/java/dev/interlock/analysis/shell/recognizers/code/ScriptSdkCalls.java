package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.kebab;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.snake;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud SDK calls in Ruby, PHP and Perl one-liners, written back as the {@code aws} command line that does the same,
 * like {@link AwsSdkCalls} does for Python and JavaScript: Ruby's aws-sdk ({@code Aws::S3::Client.new.delete_bucket(bucket:
 * "x")}), the AWS SDK for PHP ({@code $s3->deleteBucket(["Bucket" => "x"])}), Perl's Paws ({@code
 * Paws->service("EC2")->TerminateInstances(InstanceIds => [...])}) and Net::Amazon::S3. The code is first brought to one
 * shape ({@link #normalized}): method arrows become dots, {@code key => value} and {@code key: value} become {@code
 * key=value}, and Ruby's calls without parentheses get them, so that the Python tables read it too.
 */
final class ScriptSdkCalls {

    private static final Pattern JVM_CLIENT = Pattern.compile("\\b(?:Amazon)?([A-Z][A-Za-z0-9]*?)(?:Async)?Client\\s*(?:\\.\\s*(?:create|builder)\\b|\\(|\\{)");
    static final Set<Language> JVM = java.util.EnumSet.of(Language.JAVA, Language.GROOVY, Language.SCALA, Language.KOTLIN);
    /** A builder's setter with literal values: {@code .instanceIds("i-1", "i-2")}, {@code .skipFinalSnapshot(true)}. */
    private static final Pattern SETTER = Pattern.compile("\\.\\s*([a-z]\\w*)\\s*\\(\\s*((?:" + LIT + "|true|false|\\d+)(?:\\s*,\\s*(?:" + LIT + "|true|false|\\d+))*)\\s*\\)");
    /** Where the code names an AWS service client, by language. */
    private static final Map<Language, Pattern> SERVICE = Map.of(
            Language.RUBY, Pattern.compile("\\bAws::(\\w+)::(?:Client|Resource)\\b"),
            Language.PHP, Pattern.compile("\\bAws\\\\(\\w+)\\\\\\w*Client\\b|\\.\\s*create(?!Client\\b)([A-Z]\\w*)\\s*\\(|\\.\\s*createClient\\s*\\(\\s*" + LIT),
            Language.PERL, Pattern.compile("\\bPaws\\s*\\.\\s*service\\s*\\(\\s*" + LIT),
            // the AWS SDK for Java v2 (from Java, Groovy, Scala, Kotlin): Ec2Client.create(), S3Client.builder()
            Language.JAVA, JVM_CLIENT, Language.GROOVY, JVM_CLIENT, Language.SCALA, JVM_CLIENT, Language.KOTLIN, JVM_CLIENT);
    /** Service names whose CLI command is not their lower-cased SDK name. */
    private static final Map<String, String> CLI_NAMES = Map.of("s3", "s3api", "cloudwatchlogs", "logs",
            "elasticloadbalancingv2", "elbv2", "elasticloadbalancing", "elb", "cognitoidentityprovider", "cognito-idp",
            "sfn", "stepfunctions");
    private static final Pattern CALL = Pattern.compile("(\\$?\\w+|\\))?\\s*\\.\\s*([A-Za-z]\\w*)");
    /** Calls that build a request, a paginator, a waiter or a URL without sending anything to the service. */
    private static final Pattern NO_REQUEST = Pattern.compile("get_(?:command|object_url|presigned_\\w+|waiter)|create_presigned_\\w+|create_client");
    /** Net::Amazon::S3 (and its Client API) method → the {@code aws s3api} operation that does the same. */
    private static final Map<String, String> NET_AMAZON_S3 = Map.ofEntries(
            Map.entry("buckets", "list-buckets"), Map.entry("list_buckets", "list-buckets"),
            Map.entry("add_bucket", "create-bucket"), Map.entry("create_bucket", "create-bucket"),
            Map.entry("delete_bucket", "delete-bucket"),
            Map.entry("list_bucket", "list-objects-v2"), Map.entry("list_bucket_all", "list-objects-v2"),
            Map.entry("list", "list-objects-v2"), Map.entry("list_all", "list-objects-v2"), Map.entry("list_objects", "list-objects-v2"),
            Map.entry("get_key", "get-object"), Map.entry("get_key_filename", "get-object"), Map.entry("get", "get-object"),
            Map.entry("get_filename", "get-object"), Map.entry("get_acl", "get-object-acl"),
            Map.entry("head_key", "head-object"), Map.entry("exists", "head-object"),
            Map.entry("add_key", "put-object"), Map.entry("add_key_filename", "put-object"), Map.entry("put", "put-object"),
            Map.entry("put_filename", "put-object"), Map.entry("copy_key", "copy-object"), Map.entry("edit_metadata", "copy-object"),
            Map.entry("set_acl", "put-object-acl"), Map.entry("delete_key", "delete-object"),
            Map.entry("delete_multi_object", "delete-objects"), Map.entry("delete_multiple_objects", "delete-objects"),
            Map.entry("delete", "delete-object"));
    static final Set<Language> LANGUAGES = java.util.EnumSet.of(Language.RUBY, Language.PHP, Language.PERL);

    private ScriptSdkCalls() {
    }

    /** The classes and packages the code names ({@code Aws::S3::Client}, {@code Aws\S3\S3Client}, {@code Paws}): what it loads. */
    static List<String> classes(String code, Language language) {
        Pattern p = switch (language) {
            // Redis.new and Redis::Cluster: the redis gem, loaded by ruby -rredis as often as by require
            case RUBY -> Regex.pattern("\\b((?:Aws|Google::Cloud|Redis(?=\\s*(?:\\.|::)))(?:::\\w+)*)");
            case PHP -> Regex.pattern("(?<![\\w\\\\])\\\\?([A-Z]\\w*(?:\\\\\\w+)+)");
            case PERL -> Regex.pattern("\\b(?:use|require)\\s+([A-Z][\\w:]*)|\\b([A-Z]\\w*(?:::\\w+)*)\\s*->");
            default -> null;
        };
        List<String> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        Matcher m = p.matcher(code);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(m.groupCount()));
        }
        return out;
    }

    /**
     * Ruby, PHP and Perl code in the shape the Python tables read: {@code ->} is {@code .}, {@code "Key" => v} and Ruby's
     * {@code key: v} are {@code Key=v}, and Ruby's {@code s3.list_buckets} and {@code storage.bucket "x"} are calls with
     * parentheses. Other languages are returned as they are.
     */
    static String normalized(String code, Language language) {
        if (!LANGUAGES.contains(language)) {
            return code;
        }
        String s = Regex.replaceAll(code, "->", ".");
        s = Regex.replaceAll(s, ":?(?:['\"](\\w+)['\"]|\\b(\\w+))\\s*=>\\s*", "$1$2=");
        if (language != Language.RUBY) {
            return s;
        }
        s = Regex.replaceAll(s, "(?<![:\\w])([a-z_]\\w*):(?!:)\\s+", "$1=");
        StringBuilder out = new StringBuilder();
        Matcher m = Regex.pattern("\\.([a-z_]\\w*[?!]?)(?![\\w(?!])([ \\t]+(?!(?:do|if|unless|and|or|then|while|until|rescue|end)\\b)"
                + "(?=[\"'\\[:\\w])([^;\\n{}|]*))?").matcher(s);
        boolean[] quoted = quoted(s);
        while (m.find()) {
            String args = m.group(3) == null ? "" : m.group(3).strip();
            // "a.csv" is text, not a call of csv
            m.appendReplacement(out, Matcher.quoteReplacement(quoted[m.start()] ? m.group() : "." + m.group(1) + "(" + args + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Which characters of {@code s} lie inside a quoted string. */
    private static boolean[] quoted(String s) {
        boolean[] out = new boolean[s.length() + 1];
        char open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (open != 0 && c == '\\') {
                out[i] = true;
                if (i + 1 < s.length()) {
                    out[++i] = true;
                }
                continue;
            }
            if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
            out[i] = open != 0;
        }
        return out;
    }

    /** AWS calls in Ruby, PHP or Perl code, as {@code aws} command lines; the names of the calls read go to {@code accounted}. */
    static void aws(String code, Language language, Map<String, String> env, List<String> lines, Set<String> accounted) {
        String text = normalized(code, language);
        if (language == Language.PERL && Regex.find(text, "\\bAmazon::S3\\b")) {
            netAmazonS3(text, lines, accounted);
        }
        Pattern servicePattern = SERVICE.get(language);
        if (servicePattern == null) {
            return;
        }
        // each client the code makes: where it is named, its service, and the variable it is kept in
        Map<Integer, String> mentions = new LinkedHashMap<>();
        Map<String, String> clients = new LinkedHashMap<>();
        Set<Integer> factories = new java.util.HashSet<>();
        Matcher s = servicePattern.matcher(text);
        while (s.find()) {
            boolean php = language == Language.PHP;
            String service = language == Language.PERL ? lit(s, 1) : s.group(1) != null ? s.group(1) : s.group(2) != null ? s.group(2) : lit(s, 3);
            if (php && s.group(2) != null && !Regex.find(text, "\\bAws\\\\Sdk\\b|\\bnew\\s+Sdk\\b")) {
                continue; // createBucket(…) on a client, not the Sdk's createS3()
            }
            if (php && s.group(1) == null) {
                factories.add(s.start());
            }
            String name = service.toLowerCase(Locale.ROOT);
            name = CLI_NAMES.getOrDefault(name, name);
            mentions.put(s.start(), name);
            String statement = text.substring(Math.max(0, Math.max(text.lastIndexOf(';', s.start()), text.lastIndexOf('\n', s.start())) + 1), s.start());
            Matcher variable = Regex.pattern("^\\s*(?:(?:my|var|val|def|final|[A-Z][\\w<>]*)\\s+)?(\\$?\\w+)\\s*=(?!=)").matcher(statement);
            if (variable.find()) {
                clients.put(variable.group(1), name);
            }
        }
        if (mentions.isEmpty()) {
            return;
        }
        accounted.addAll(Set.of("new", "service", "factory"));
        String prefix = "";
        Matcher p = Regex.pattern("(?:\\bprofile(?:_name)?\\s*=|ProfileCredentialsProvider\\.create\\s*\\(|\\.profileName\\s*\\()\\s*" + LIT).matcher(text);
        if (p.find()) {
            prefix = "AWS_PROFILE=" + quote(lit(p, 1)) + " ";
        }
        Matcher e = Regex.pattern("\\bendpoint\\s*=\\s*" + LIT).matcher(text);
        String endpoint = e.find() ? " --endpoint-url " + quote(lit(e, 1)) : "";
        Matcher m = CALL.matcher(text);
        int inArguments = -1;
        while (m.find()) {
            String method = m.group(2);
            int dot = m.start(2);
            if (dot < inArguments) {
                continue; // a Java builder's setter inside a call already read (.deleteAutomatedBackups(true))
            }
            if (factories.stream().anyMatch(f -> f >= m.start() && f < m.end())) {
                accounted.add(method);
                continue;
            }
            String bare = language == Language.PHP ? Regex.replaceFirst(method, "Async$", "")
                    : JVM.contains(language) ? Regex.replaceFirst(method, "(?:Async)?(?:Paginator)?$", "") : method;
            String name = snake(bare);
            boolean paginated = Regex.matches(name, "get_(?:iterator|paginator)");
            if (!paginated && (!(name.contains("_") || Regex.matches(name, "invoke|publish|scan|query|decrypt"))
                    || !AwsSdkCalls.AWS_VERBS.matcher(name).matches() || NO_REQUEST.matcher(name).matches())) {
                continue;
            }
            String service = m.group(1) != null ? clients.get(m.group(1)) : null;
            if (service == null) {
                service = mentions.entrySet().stream().filter(x -> x.getKey() < dot).reduce((a, b) -> b)
                        .map(Map.Entry::getValue).orElse(mentions.values().iterator().next());
            }
            Matcher open = Regex.pattern(JVM.contains(language) ? "^\\s*[({]" : "^\\s*\\(").matcher(text.substring(m.end()));
            String args = open.find() ? callArguments(text, m.end() + open.end()) : "";
            if (JVM.contains(language)) {
                inArguments = m.end() + open.end() + args.length();
                args = setterKeys(args);
            }
            String operation = name.replace('_', '-');
            if (paginated) {
                // a paginator runs its list operation page by page: getIterator('ListObjects', [...])
                Matcher first = Regex.pattern("^\\s*" + LIT + "\\s*,?").matcher(args);
                if (!first.find()) {
                    continue;
                }
                operation = kebab(lit(first, 1));
                args = args.substring(first.end());
            }
            accounted.add(method);
            String options = AwsSdkCalls.awsOptions(pascalKeys(args), "=");
            lines.add(prefix + "aws " + service + " " + operation + options + AwsSdkCalls.region(text)
                    + (endpoint.isEmpty() ? AwsSdkCalls.endpointOption("", service, env) : endpoint));
        }
    }

    /**
     * A Java request builder's literal setters as the SDK's member names, as the Python tables read them:
     * {@code r -> r.instanceIds("i-1", "i-2").dryRun(true)} → {@code InstanceIds=["i-1", "i-2"], DryRun=true}.
     */
    private static String setterKeys(String args) {
        List<String> out = new ArrayList<>();
        Matcher k = SETTER.matcher(args);
        while (k.find()) {
            List<String> values = new ArrayList<>();
            Matcher v = Regex.pattern(LIT + "|\\b(true|false|\\d+)\\b").matcher(k.group(2));
            while (v.find()) {
                values.add(v.group(3) != null ? v.group(3) : "\"" + lit(v, 1) + "\"");
            }
            String key = Character.toUpperCase(k.group(1).charAt(0)) + k.group(1).substring(1);
            String value = values.size() > 1 || Regex.find(k.group(1), "s$|Ids$|Names$") && values.getFirst().startsWith("\"")
                    ? "[" + String.join(", ", values) + "]" : values.getFirst();
            out.add(key + "=" + (Regex.matches(value, "\\d+") ? "\"" + value + "\"" : value));
        }
        return String.join(", ", out);
    }

    /** Ruby's {@code instance_ids=[...]} keyword as the SDK's own member name {@code InstanceIds=[...]}. */
    private static String pascalKeys(String args) {
        StringBuilder out = new StringBuilder();
        Matcher k = Regex.pattern("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\\s*=(?!=)").matcher(args);
        while (k.find()) {
            StringBuilder key = new StringBuilder();
            for (String part : k.group(1).split("_")) {
                key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            k.appendReplacement(out, Matcher.quoteReplacement(key + "="));
        }
        k.appendTail(out);
        return out.toString();
    }

    /** Perl's Net::Amazon::S3: a table of its methods, the bucket from {@code bucket('x')} or the call's own arguments. */
    private static void netAmazonS3(String text, List<String> lines, Set<String> accounted) {
        Matcher h = Regex.pattern("\\bhost\\s*=\\s*" + LIT).matcher(text);
        String endpoint = h.find() ? " --endpoint-url " + quote((lit(h, 1).contains("://") ? "" : "http://") + lit(h, 1)) : "";
        Matcher m = Regex.pattern("\\.\\s*(\\w+)\\b").matcher(text);
        while (m.find()) {
            String method = m.group(1);
            if (method.equals("bucket") || method.equals("object") || method.equals("new")) {
                accounted.add(method); // a handle: no request yet
                continue;
            }
            String operation = NET_AMAZON_S3.get(method);
            if (operation == null) {
                continue;
            }
            Matcher open = Regex.pattern("^\\s*\\(").matcher(text.substring(m.end()));
            String args = open.find() ? callArguments(text, m.end() + open.end()) : "";
            String before = text.substring(0, m.start());
            String bucket = "";
            Matcher named = Regex.pattern("\\.\\s*bucket\\s*\\(\\s*\\{?\\s*(?:(?:name|bucket)\\s*=\\s*)?" + LIT).matcher(before);
            while (named.find()) {
                bucket = lit(named, 1);
            }
            Matcher own = Regex.pattern("\\b(?:bucket|name)\\s*=\\s*" + LIT).matcher(args);
            if (own.find() && !operation.endsWith("object")) {
                bucket = lit(own, 1);
            }
            if (method.equals("delete") && !Regex.find(before.substring(Math.max(0, before.lastIndexOf(';') + 1)), "\\.\\s*object\\s*\\(|\\$\\w*(?:obj|key|file)\\w*\\s*$")) {
                operation = "delete-bucket"; // Net::Amazon::S3::Client's $bucket->delete
            }
            String key = "";
            if (operation.endsWith("object") || operation.endsWith("object-acl")) {
                Matcher k = Regex.pattern("(?:\\bkey\\s*=\\s*|^\\s*)" + LIT).matcher(args);
                key = k.find() ? lit(k, 1) : "";
            }
            accounted.add(method);
            lines.add("aws s3api " + operation + (bucket.isEmpty() ? "" : " --bucket " + quote(bucket))
                    + (key.isEmpty() ? "" : " --key " + quote(key)) + endpoint);
        }
    }
}
