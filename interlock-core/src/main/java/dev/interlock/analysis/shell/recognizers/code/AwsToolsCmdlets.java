package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Tools for PowerShell ({@code Get-EC2Instance}, {@code Remove-S3Object}, {@code Use-STSRole}): each cmdlet is the
 * {@code aws} CLI call it wraps ({@code aws ec2 describe-instances}, {@code aws s3 rm}, {@code aws sts assume-role}) and
 * is judged as that line is, so reads stay reads in prod and the profile and region place it: {@code -ProfileName},
 * {@code -Region}, or {@code Set-AWSCredential -ProfileName}, {@code Set-DefaultAWSRegion} and {@code $env:AWS_PROFILE}
 * earlier in the code.
 */
final class AwsToolsCmdlets {

    private AwsToolsCmdlets() {
    }

    /** The module's noun prefixes (as the module spells them) and the CLI service each stands for; longest first. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        for (String[] s : new String[][] {{"ELB2", "elbv2"}, {"CWL", "logs"}, {"CFN", "cloudformation"}, {"CFG", "configservice"},
                {"EC2", "ec2"}, {"ECS", "ecs"}, {"ECR", "ecr"}, {"EKS", "eks"}, {"IAM", "iam"}, {"STS", "sts"}, {"RDS", "rds"},
                {"DDB", "dynamodb"}, {"KMS", "kms"}, {"SEC", "secretsmanager"}, {"SSM", "ssm"}, {"R53", "route53"}, {"SQS", "sqs"},
                {"SNS", "sns"}, {"ORG", "organizations"}, {"EFS", "efs"}, {"KIN", "kinesis"}, {"LM", "lambda"}, {"CT", "cloudtrail"},
                {"CW", "cloudwatch"}, {"S3", "s3api"}}) {
            SERVICES.put(s[0], s[1]);
        }
    }

    /** The CLI's leading word for a PowerShell verb, where they differ. */
    private static final Map<String, String> VERBS = Map.ofEntries(Map.entry("get", "describe"), Map.entry("read", "get"),
            Map.entry("remove", "delete"), Map.entry("new", "create"), Map.entry("write", "put"), Map.entry("use", "assume"),
            Map.entry("unregister", "deregister"), Map.entry("edit", "modify"), Map.entry("grant", "authorize"),
            Map.entry("restart", "reboot"), Map.entry("find", "search"), Map.entry("test", "test"), Map.entry("select", "select"));

    /** Cmdlets whose CLI operation is not the verb and noun spelled out. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("get-ec2instance", "ec2 describe-instances"),
            Map.entry("stop-ec2instance", "ec2 stop-instances"), Map.entry("start-ec2instance", "ec2 start-instances"),
            Map.entry("remove-ec2instance", "ec2 terminate-instances"), Map.entry("restart-ec2instance", "ec2 reboot-instances"),
            Map.entry("new-ec2instance", "ec2 run-instances"), Map.entry("use-stsrole", "sts assume-role"),
            Map.entry("register-iamuserpolicy", "iam attach-user-policy"), Map.entry("register-iamrolepolicy", "iam attach-role-policy"),
            Map.entry("register-iamgrouppolicy", "iam attach-group-policy"), Map.entry("unregister-iamuserpolicy", "iam detach-user-policy"),
            Map.entry("unregister-iamrolepolicy", "iam detach-role-policy"), Map.entry("unregister-iamgrouppolicy", "iam detach-group-policy"),
            Map.entry("write-iamuserpolicy", "iam put-user-policy"), Map.entry("write-iamrolepolicy", "iam put-role-policy"),
            Map.entry("write-iamgrouppolicy", "iam put-group-policy"), Map.entry("stop-ctlogging", "cloudtrail stop-logging"),
            Map.entry("start-ctlogging", "cloudtrail start-logging"), Map.entry("remove-cttrail", "cloudtrail delete-trail"),
            Map.entry("get-cttrail", "cloudtrail describe-trails"), Map.entry("get-stscalleridentity", "sts get-caller-identity"),
            Map.entry("remove-ssmparameter", "ssm delete-parameter"), Map.entry("get-secsecretvalue", "secretsmanager get-secret-value"),
            Map.entry("get-ssmparametervalue", "ssm get-parameters"), Map.entry("get-ssmparameter", "ssm get-parameter"));

    /** The module's own session cmdlets: they choose a profile or a region, and send no request. */
    private static final Pattern SESSION = Pattern.compile("(?i)(?:Set|Initialize|Clear)-AWS\\w*|Set-DefaultAWSRegion|Get-AWS(Region|Service|CmdletName)|Get-DefaultAWSRegion");

    private static final Pattern CMDLET = Pattern.compile("(?:^|[;|{(\\n&])\\s*([A-Za-z]+)-([A-Za-z0-9]+)((?:[ \\t]+[^|;\\n{}]*)?)");
    private static final Pattern PARAM = Pattern.compile("(?i)(?<=\\s|^)-([A-Za-z0-9]+)(?::|\\s+)(?!-)(?:'([^']*)'|\"([^\"]*)\"|([^\\s'\")]+))");
    private static final Pattern SWITCH = Pattern.compile("(?i)(?<=\\s|^)-([A-Za-z0-9]+)(?=\\s+-|\\s*$|\\s*\\))");
    private static final Pattern PROFILE = Pattern.compile("(?i)(?:Set-AWSCredential|Initialize-AWSDefaultConfiguration)\\b[^;|\\n]*?-ProfileName\\s+['\"]?([\\w.-]+)"
            + "|\\$env:AWS_PROFILE\\s*=\\s*['\"]?([\\w.-]+)");
    private static final Pattern REGION = Pattern.compile("(?i)(?:Set-DefaultAWSRegion|Initialize-AWSDefaultConfiguration)\\b[^;|\\n]*?-Region\\s+['\"]?([\\w-]+)"
            + "|\\$env:AWS_(?:DEFAULT_)?REGION\\s*=\\s*['\"]?([\\w-]+)");
    /** What a credential object hands over: its keys. */
    private static final Pattern KEYS = Pattern.compile("(?i)\\.GetCredentials\\(|\\.(SecretKey|AccessKey|SecretAccessKey)\\b");

    /** The CLI service of an AWS Tools noun ({@code EC2Instance} → ec2), or empty when the noun is not the module's. */
    static Optional<String> service(String noun) {
        for (Map.Entry<String, String> s : SERVICES.entrySet()) {
            String p = s.getKey();
            if (noun.length() > p.length() && noun.startsWith(p)
                    && (Character.isUpperCase(noun.charAt(p.length())) || Character.isDigit(noun.charAt(p.length())))) {
                return Optional.of(s.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether a cmdlet's noun is judged here (and not by {@link PowerShellCmdlets}' verb reading). */
    static boolean owns(String verb, String noun, String rest) {
        // Set-AWSCredential -StoreAs or with keys writes the shared credentials file: that stays a change
        return service(noun).isPresent() || SESSION.matcher(verb + "-" + noun).matches()
                && !Regex.find(rest, "(?i)-(StoreAs|AccessKey|SecretKey)\\b");
    }

    static List<Operation> operations(String code, Invocation inv, Nested nested) {
        if (!Regex.find(code, "-(?:S3|EC2|IAM|STS|CT|RDS|LM|CFN|DDB|EKS|ECS|ECR|KMS|SEC|SSM|R53|CW|SQS|SNS|ORG|EFS|KIN|ELB2|CFG|AWS)")) {
            return List.of(); // most PowerShell has no AWS cmdlet at all
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = CMDLET.matcher(code);
        String keyPrefix = null;
        String listedBucket = "";
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String noun = m.group(2);
            String cmdlet = verb + "-" + noun.toLowerCase(Locale.ROOT);
            Map<String, String> params = params(m.group(3) == null ? "" : m.group(3));
            String before = code.substring(0, m.start());
            String profile = params.getOrDefault("profilename", last(PROFILE, before));
            String region = params.getOrDefault("region", last(REGION, before));
            String where = (profile.isEmpty() ? "" : " --profile " + quote(profile)) + (region.isEmpty() ? "" : " --region " + quote(region));
            Optional<String> line = Optional.empty();
            Scope many = null;
            String bucket = params.getOrDefault("bucketname", "");
            if (cmdlet.equals("get-awscredential") && KEYS.matcher(code.substring(m.start())).find() && !profile.isEmpty()) {
                // (Get-AWSCredential -ProfileName prod).GetCredentials(): the profile's keys, like export-credentials
                line = Optional.of("aws configure export-credentials" + where);
            } else if (service(noun).filter("s3api"::equals).isPresent() || Regex.matches(cmdlet, "\\w+-s3\\w+")) {
                switch (cmdlet) {
                    case "get-s3bucket" -> line = Optional.of("aws s3 ls" + where);
                    case "get-s3object" -> {
                        keyPrefix = params.getOrDefault("keyprefix", params.getOrDefault("prefix", ""));
                        listedBucket = bucket;
                        line = Optional.of("aws s3 ls " + quote("s3://" + bucket + "/" + keyPrefix) + where);
                    }
                    case "read-s3object" -> line = Optional.of("aws s3 cp " + quote("s3://" + bucket + "/" + params.getOrDefault("key",
                            params.getOrDefault("keyprefix", ""))) + " " + quote(params.getOrDefault("file", params.getOrDefault("folder", "."))) + where);
                    case "write-s3object" -> {
                        String from = params.getOrDefault("folder", params.getOrDefault("file", "-"));
                        String key = params.getOrDefault("key", params.getOrDefault("keyprefix", ""));
                        line = Optional.of("aws s3 cp " + quote(from) + " " + quote("s3://" + bucket + "/" + key)
                                + (params.containsKey("folder") ? " --recursive" : "") + where);
                    }
                    case "remove-s3object" -> {
                        String key = params.getOrDefault("key", params.getOrDefault("keycollection", ""));
                        if (key.startsWith("$") && keyPrefix != null && listedBucket.equals(bucket)) {
                            // each key Get-S3Object listed: the objects under that prefix, or the whole bucket with none
                            line = Optional.of("aws s3 rm " + quote("s3://" + bucket + "/" + keyPrefix) + (keyPrefix.isEmpty() ? " --recursive" : "") + where);
                            many = keyPrefix.isEmpty() ? null : Scope.MANY;
                        } else {
                            line = Optional.of("aws s3 rm " + quote("s3://" + bucket + "/" + key) + where);
                        }
                    }
                    case "remove-s3bucket" -> line = Optional.of("aws s3 rb " + quote("s3://" + bucket)
                            + (params.containsKey("deletebucketcontent") ? " --force" : "") + where);
                    case "new-s3bucket" -> line = Optional.of("aws s3 mb " + quote("s3://" + bucket) + where);
                    default -> line = generic(verb, noun, params, where);
                }
            } else if (OPERATIONS.containsKey(cmdlet)) {
                line = Optional.of("aws " + OPERATIONS.get(cmdlet) + arguments(params) + where);
            } else if (service(noun).isPresent()) {
                line = generic(verb, noun, params, where);
            }
            if (line.isEmpty()) {
                continue;
            }
            String text = line.get();
            for (Operation op : nested.shell(text, inv)) {
                Operation.Builder b = op.toBuilder().evidence(inv.evidence())
                        .note((op.note().isEmpty() ? "" : op.note() + "; ") + "from AWS Tools for PowerShell's " + m.group(1) + "-" + noun + ", as `" + text + "`");
                if (many != null && op.resource().type().equals("object")) {
                    // one prefix's objects, one by one: more than one key, fewer than the bucket
                    b.scope(many).resource("objects", op.resource().name() + "*");
                }
                ops.add(b.build());
            }
        }
        return ops;
    }

    /** {@code Stop-RDSDBInstance -DBInstanceIdentifier x} → {@code aws rds stop-db-instance --db-instance-identifier x}. */
    private static Optional<String> generic(String verb, String noun, Map<String, String> params, String where) {
        Optional<String> service = service(noun);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        String prefix = SERVICES.entrySet().stream().filter(s -> s.getValue().equals(service.get())).findFirst().orElseThrow().getKey();
        String operation = VERBS.getOrDefault(verb, verb) + "-" + kebab(noun.substring(prefix.length()));
        return Optional.of("aws " + service.get() + " " + operation + arguments(params) + where);
    }

    private static String arguments(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> {
            if (!Regex.matches(k, "profilename|region|force|select|passthru|credential|confirm|whatif")) {
                s.append(" --").append(kebab(k)).append(v.isEmpty() ? "" : " " + quote(v));
            }
        });
        return s.toString();
    }

    /** The parameters as written, lower-cased names; a switch has an empty value. */
    private static Map<String, String> params(String rest) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(rest);
        while (p.find()) {
            String value = p.group(2) != null ? p.group(2) : p.group(3) != null ? p.group(3) : p.group(4);
            out.putIfAbsent(p.group(1).toLowerCase(Locale.ROOT), value);
        }
        Matcher s = SWITCH.matcher(rest);
        while (s.find()) {
            out.putIfAbsent(s.group(1).toLowerCase(Locale.ROOT), "");
        }
        return out;
    }

    private static String last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = "";
        while (m.find()) {
            found = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return found;
    }

    private static String kebab(String camel) {
        return Regex.replaceAll(Regex.replaceAll(camel, "([a-z0-9])([A-Z])", "$1-$2"), "([A-Z])([A-Z][a-z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "") + "'";
    }
}
