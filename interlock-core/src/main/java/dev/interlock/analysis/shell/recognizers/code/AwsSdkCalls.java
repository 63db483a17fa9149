package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.kebab;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS SDK calls in one-liner code, written back as the {@code aws} command line that does the same: boto3 client calls
 * ({@code s3.delete_bucket(Bucket='x')} → {@code aws s3api delete-bucket --bucket x}), its paginators and waiters (the
 * list or describe operation they run), its resource API ({@code Bucket('x').objects.all().delete()} → {@code aws s3
 * rm s3://x --recursive}), and the JavaScript SDK's commands and v2 clients. A client's {@code endpoint_url} (or the
 * SDK's {@code AWS_ENDPOINT_URL} variables) is passed on, so LocalStack on this machine stays a local sandbox.
 */
final class AwsSdkCalls {

    // s3 = boto3.Session(profile_name='prod').client('s3'): the session's arguments sit between the name and the client
    private static final Pattern BOTO_CLIENT = Pattern.compile("(?:(\\w+)\\s*=\\s*)?(?:[\\w.]|\\([^()]*\\))*?\\bclient\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT);
    private static final Pattern BOTO_RESOURCE = Pattern.compile("\\bresource\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT);
    private static final Pattern SNAKE_CALL = Pattern.compile("(\\w+|\\))\\s*\\.\\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)+|invoke|publish|scan|query|decrypt)\\s*\\(");
    static final Pattern AWS_VERBS = Pattern.compile("(?:delete|terminate|remove|purge|deregister|detach|disassociate|revoke|stop|reboot|modify|update|put|create|run|start|attach|associate|authorize|restore|copy|invoke|send|publish|empty|cancel|disable|enable|reset|import|register|tag|untag|set|rotate|schedule|describe|list|get|head|batch|execute|scan|query|decrypt|assume|upload|abort|complete|change|replace|release|allocate|promote|failover)(?:[_A-Z].*)?");
    private static final Pattern RESOURCE_DELETES = Pattern.compile("delete|terminate|purge|stop|reboot|delete_objects|delete_item|batch_delete|detach_\\w+|remove\\w*");
    private static final Pattern RESOURCE_READS = Pattern.compile("all|filter|limit|page_size|pages|load|reload|get|get_item|batch_get_item|query|scan"
            + "|download_file|download_fileobj|get_available_subresources|wait_until_\\w+|describe_\\w+|list_\\w+");
    private static final Pattern RESOURCE_WRITES = Pattern.compile("put|put_\\w+|update|update_\\w+|upload_file|upload_fileobj|copy|copy_from"
            + "|create|create_\\w+|modify_\\w+|start|attach_\\w+|associate_\\w+|batch_writer|restore_object|send_message|send_messages"
            + "|publish|change_\\w+|replace_\\w+|set_\\w+|enable_\\w+|disable_\\w+|accept|reject|invoke|run_instances|authorize_\\w+|revoke_\\w+");
    // new DeleteBucketCommand({...}) as imported by name, or new s3.DeleteBucketCommand({...}) through the module's namespace
    private static final Pattern JS_COMMAND = Pattern.compile("\\bnew\\s+(?:([\\w$]+)\\s*\\.\\s*)?([A-Z]\\w*?)Command\\s*\\(\\s*(\\{[^}]*\\})?");
    private static final Pattern JS_V2_SERVICE = Pattern.compile("\\bnew\\s+(?:AWS\\.)?(S3|EC2|RDS|DynamoDB|Lambda|IAM|SQS|SNS|KMS|ECS|EKS|Route53|CloudFormation|SecretsManager|ElastiCache|Redshift|CloudWatchLogs|STS|ECR)\\s*\\(");
    private static final Pattern CAMEL_CALL = Pattern.compile("\\.\\s*([a-z]+[A-Z]\\w*)\\s*\\(\\s*(\\{[^}]*\\})?");

    private AwsSdkCalls() {
    }


    static void boto3(String code, Map<String, String> env, List<String> lines, List<Generic> generic, Set<String> accounted) {
        Map<String, String> clients = new LinkedHashMap<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        List<String> services = new ArrayList<>();
        List<String> serviceEndpoints = new ArrayList<>();
        Matcher c = BOTO_CLIENT.matcher(code);
        while (c.find()) {
            String service = lit(c, 2);
            String endpoint = endpointOption(callArguments(code, c.end()), service, env);
            services.add(service);
            serviceEndpoints.add(endpoint);
            if (c.group(1) != null) {
                clients.put(c.group(1), service);
                endpoints.put(c.group(1), endpoint);
            }
        }
        String prefix = awsPrefix(code);
        Matcher m = SNAKE_CALL.matcher(code);
        while (m.find()) {
            String receiver = m.group(1);
            String method = m.group(2);
            String service = clients.get(receiver);
            String endpoint = endpoints.getOrDefault(receiver, "");
            if (service == null && receiver.equals(")")) {
                Matcher chained = Regex.pattern("client\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT + "[^)]*\\)\\s*$")
                        .matcher(Regex.replaceFirst(code.substring(0, m.start(2)), "\\s*\\.\\s*$", ""));
                if (chained.find()) {
                    service = lit(chained, 1);
                    endpoint = endpointOption(chained.group(), service, env);
                }
            }
            if (service == null && services.size() == 1 && AWS_VERBS.matcher(method).matches()
                    && !Regex.matches(method, "get_paginator|get_waiter|can_paginate|generate_presigned_\\w+|get_object_or_none")) {
                service = services.getFirst();
                endpoint = serviceEndpoints.getFirst();
            }
            if (method.equals("can_paginate")) {
                accounted.add(method); // answered from the service model the library ships: no request
                continue;
            }
            if (service == null || Regex.matches(method, "generate_presigned_\\w+|load_kube_config")) {
                continue;
            }
            String args = callArguments(code, m.end());
            String cli = service.equals("s3") ? "s3api" : service;
            String operation = method.replace('_', '-');
            String options = awsOptions(args, "=");
            if (method.equals("get_paginator") || method.equals("get_waiter")) {
                // a paginator runs its list operation page by page; a waiter polls a describe until a state is reached
                Matcher name = Regex.pattern("^\\s*" + LIT).matcher(args);
                if (!name.find()) {
                    continue;
                }
                String then = code.substring(Math.min(code.length(), m.end() + args.length() + 1));
                Matcher follow = Regex.pattern("^\\s*\\.\\s*(paginate|wait)\\s*\\(").matcher(then);
                options = follow.find() ? awsOptions(callArguments(then, follow.end()), "=") : "";
                operation = method.equals("get_waiter") ? "wait " + lit(name, 1).replace('_', '-') : lit(name, 1).replace('_', '-');
                accounted.add(method.equals("get_waiter") ? "wait" : "paginate");
            }
            accounted.add(method);
            lines.add(prefix + "aws " + cli + " " + operation + options + region(code) + endpoint);
        }
        boto3Resources(code, env, prefix, lines, generic, accounted);
    }

    /**
     * {@code endpoint_url='http://localhost:4566'} among a client's arguments, else the SDK's endpoint variables
     * ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}) → {@code  --endpoint-url http://localhost:4566}.
     */
    static String endpointOption(String args, String service, Map<String, String> env) {
        Matcher e = Regex.pattern("\\bendpoint_url\\s*=\\s*" + LIT).matcher(args);
        if (e.find()) {
            return " --endpoint-url " + quote(lit(e, 1));
        }
        String fromEnv = env.getOrDefault("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT).replace('-', '_'),
                env.getOrDefault("AWS_ENDPOINT_URL", ""));
        return fromEnv.isBlank() ? "" : " --endpoint-url " + quote(fromEnv);
    }

    /**
     * boto3's resource API: {@code Bucket('x').objects.all().delete()} and the like become the CLI line that does the
     * same where there is one; other calls are read by name: collections and loads read, puts and uploads change.
     */
    private static void boto3Resources(String code, Map<String, String> env, String prefix, List<String> lines, List<Generic> generic,
                                       Set<String> accounted) {
        Matcher r = BOTO_RESOURCE.matcher(code);
        if (!r.find()) {
            return;
        }
        String service = lit(r, 1);
        String endpoint = endpointOption(callArguments(code, r.end()), service, env);
        String host = endpoint.isEmpty() ? "" : Hosts.of(Regex.replaceFirst(endpoint, "^ --endpoint-url '?|'$", ""));
        String local = !host.isEmpty() && CloudSdkCalls.local(host) ? "endpoint_url points at an emulator on this machine (" + host + ")" : "";
        Map<String, String> locators = host.isEmpty() || !local.isEmpty() ? Map.of() : Map.of("host", host);
        Matcher d = Regex.pattern("\\.\\s*(\\w+)\\s*\\(").matcher(code);
        while (d.find()) {
            String method = d.group(1);
            boolean deletes = RESOURCE_DELETES.matcher(method).matches();
            Verb verb = deletes ? (Regex.matches(method, "stop|reboot") ? Verb.UPDATE : Verb.DELETE)
                    : RESOURCE_READS.matcher(method).matches() ? Verb.READ : RESOURCE_WRITES.matcher(method).matches() ? Verb.UPDATE : null;
            if (verb == null) {
                continue;
            }
            accounted.add(method);
            Matcher next = Regex.pattern("^\\s*\\)\\s*\\.\\s*(\\w+)\\s*\\(").matcher(code.substring(d.end() + callArguments(code, d.end()).length()));
            if (verb == Verb.READ && next.find() && !RESOURCE_READS.matcher(next.group(1)).matches()) {
                continue; // objects.all().delete(): the collection is what the next call acts on
            }
            String before = code.substring(0, d.start());
            Matcher named = Regex.pattern("\\.\\s*([A-Z]\\w*)\\s*\\(\\s*" + LIT).matcher(before);
            String type = "resource";
            String name = "";
            while (named.find()) {
                type = named.group(1);
                name = lit(named, 2);
            }
            // the statement's own receiver chain: b.objects.all().delete() empties the bucket; b.delete() on the next removes it
            String statement = before.substring(Math.max(before.lastIndexOf(';') + 1, before.length() - 60));
            boolean many = Regex.find(statement, "\\.(?:all|filter|objects|object_versions)\\b");
            if (deletes && service.equals("s3") && type.equals("Bucket") && !name.isEmpty()) {
                lines.add(prefix + (many ? "aws s3 rm s3://" + name + " --recursive" : method.equals("delete")
                        ? "aws s3 rb s3://" + name : "aws s3 rm s3://" + name + " --recursive") + endpoint);
            } else if (deletes && service.equals("ec2") && type.equals("Instance") && !name.isEmpty()) {
                lines.add(prefix + "aws ec2 " + (method.equals("terminate") ? "terminate" : method) + "-instances --instance-ids " + name + endpoint);
            } else if (deletes && service.equals("dynamodb") && type.equals("Table") && !name.isEmpty()) {
                lines.add(prefix + "aws dynamodb " + (method.equals("delete") ? "delete-table" : method.replace('_', '-'))
                        + " --table-name " + name + endpoint);
            } else {
                generic.add(new Generic("aws", verb, service + " " + type, name, deletes && many,
                        "boto3 " + service + " ." + method + "()", locators, local));
            }
        }
    }

    /** {@code boto3.Session(profile_name='prod')} → {@code AWS_PROFILE=prod }. */
    private static String awsPrefix(String code) {
        Matcher p = Regex.pattern("\\bprofile_name\\s*=\\s*" + LIT).matcher(code);
        return p.find() ? "AWS_PROFILE=" + quote(lit(p, 1)) + " " : "";
    }

    static String region(String code) {
        Matcher p = Regex.pattern("\\b(?:region_name|region)\\s*[=:]\\s*" + LIT).matcher(code);
        return p.find() ? " --region " + quote(lit(p, 1)) : "";
    }

    static void awsJs(String code, Map<String, String> env, List<String> lines, Set<String> accounted) {
        List<String> services = new ArrayList<>();
        Matcher pkg = Regex.pattern("@aws-sdk/client-([\\w-]+)").matcher(code);
        while (pkg.find()) {
            services.add(pkg.group(1));
        }
        Matcher cmd = JS_COMMAND.matcher(code);
        while (cmd.find()) {
            String service = jsService(code, cmd.group(1), cmd.group(2) + "Command")
                    .orElse(services.isEmpty() ? "unknown" : services.getFirst());
            accounted.add(cmd.group(2) + "Command");
            lines.add("aws " + (service.equals("s3") ? "s3api" : service) + " " + kebab(cmd.group(2))
                    + awsOptions(cmd.group(3) == null ? "" : cmd.group(3), ":") + region(code) + jsEndpoint(code, service, env));
        }
        Matcher v2 = JS_V2_SERVICE.matcher(code);
        if (v2.find()) {
            String service = v2.group(1).toLowerCase(Locale.ROOT);
            Matcher call = CAMEL_CALL.matcher(code);
            while (call.find()) {
                if (AWS_VERBS.matcher(call.group(1)).matches() && !call.group(1).equals("promise")) {
                    accounted.add(call.group(1));
                    lines.add("aws " + (service.equals("s3") ? "s3api" : service) + " " + kebab(call.group(1))
                            + awsOptions(call.group(2) == null ? "" : call.group(2), ":") + region(code) + jsEndpoint(code, service, env));
                }
            }
        }
    }

    /**
     * The {@code @aws-sdk/client-X} module a command class comes from, so code importing several clients names each
     * command's own service: {@code ns} bound by {@code require}, {@code import(…)} or {@code import * as ns}, else the
     * import whose braces list the class.
     */
    private static Optional<String> jsService(String code, String namespace, String command) {
        if (!code.contains("@aws-sdk/client-")) {
            return Optional.empty();
        }
        String module = "['\"`]@aws-sdk/client-([\\w-]+)";
        Matcher m = namespace != null
                ? Pattern.compile("(?:\\b" + Pattern.quote(namespace) + "\\s*=\\s*(?:await\\s+)?(?:require|import)\\s*\\(\\s*|\\*\\s*as\\s+"
                        + Pattern.quote(namespace) + "\\s+from\\s*)" + module).matcher(code)
                : Pattern.compile("\\{[^}]*\\b" + Pattern.quote(command) + "\\b[^}]*\\}\\s*(?:=\\s*(?:await\\s+)?(?:require|import)\\s*\\(\\s*|from\\s*)"
                        + module).matcher(code);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The JavaScript SDK's {@code endpoint: 'http://localhost:4566'} client option, else the endpoint variables. */
    private static String jsEndpoint(String code, String service, Map<String, String> env) {
        Matcher e = Regex.pattern("\\bendpoint\\s*:\\s*" + LIT).matcher(code);
        return e.find() ? " --endpoint-url " + quote(lit(e, 1)) : endpointOption("", service, env);
    }

    /** {@code Bucket='x', InstanceIds=['i-1']} → {@code  --bucket x --instance-ids i-1}; non-literal values are left out. */
    static String awsOptions(String args, String assign) {
        StringBuilder out = new StringBuilder();
        Matcher kv = Regex.pattern("\\b([A-Z]\\w*)\\s*" + Pattern.quote(assign) + "\\s*(\\[[^\\]]*\\]|" + LIT + "|True|False|true|false)").matcher(args);
        while (kv.find()) {
            String option = "--" + kebab(kv.group(1));
            String value = kv.group(2);
            if (value.equals("True") || value.equals("true")) {
                out.append(' ').append(option);
            } else if (value.equals("False") || value.equals("false")) {
                out.append(" --no-").append(option.substring(2));
            } else if (value.startsWith("[")) {
                out.append(' ').append(option);
                Matcher item = Regex.pattern(LIT).matcher(value);
                while (item.find()) {
                    out.append(' ').append(quote(lit(item, 1)));
                }
            } else {
                out.append(' ').append(option).append(' ').append(quote(lit(kv, 3)));
            }
        }
        return out.toString();
    }
}
