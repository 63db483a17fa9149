package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Az PowerShell module beyond a cmdlet's verb: cmdlets whose answer is an access key (credential reads, as
 * {@code az storage account keys list} is), the context switch ({@code Set-AzContext}, {@code Select-AzSubscription}:
 * this session's settings, as {@code az account set} is, whose subscription places the cmdlets after it), and where a
 * cmdlet acts when its own parameters do not say: the {@code Get-Az…} stage upstream in its pipeline names the resource
 * group, and a storage context ({@code $ctx = New-AzStorageContext -StorageAccountName …}) the storage account.
 */
final class AzCmdlets {

    private AzCmdlets() {
    }

    /** Cmdlets that print an account's keys or publishing credentials, by noun, with the type of what they unlock. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("azstorageaccountkey", "storage-account"), Map.entry("azcosmosdbaccountkey", "cosmosdb-account"),
            Map.entry("azrediscachekey", "redis-cache"), Map.entry("azservicebuskey", "servicebus-namespace"),
            Map.entry("azeventhubkey", "eventhubs-namespace"), Map.entry("azrelaykey", "relay-namespace"),
            Map.entry("azsearchadminkey", "search-service"), Map.entry("azsearchadminkeypair", "search-service"),
            Map.entry("azcognitiveservicesaccountkey", "cognitive-account"), Map.entry("azbatchaccountkey", "batch-account"),
            Map.entry("azmapsaccountkey", "maps-account"), Map.entry("azsignalrkey", "signalr"),
            Map.entry("azwebpubsubkey", "webpubsub"), Map.entry("azwebapppublishingprofile", "web-app"),
            Map.entry("azcontainerregistrycredential", "container-registry"));
    private static final Pattern KEY_CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&=])\\s*Get-(Az[A-Za-z]+)\\b([^|;\\n}]*)");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("(?i)-(?:Name|AccountName|StorageAccountName|ResourceName|NamespaceName"
            + "|ServiceName|RegistryName|WebAppName)\\s+['\"]?([^'\"\\s)]+)");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)-ResourceGroupName\\s+['\"]?([^'\"\\s)]+)");

    /** Keys and publishing credentials printed by Az cmdlets: credential reads, placed by the resource group and name. */
    static List<Operation> credentials(String code, Invocation inv) {
        if (!Regex.find(code, "(?i)Get-Az")) {
            return List.of(); // the usual PowerShell line has no Az cmdlet at all
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = KEY_CMDLET.matcher(code);
        while (m.find()) {
            String type = KEYS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (type == null) {
                continue;
            }
            String rest = m.group(2);
            Matcher name = ACCOUNT_NAME.matcher(rest);
            String target = name.find() ? name.group(1) : "";
            Operation.Builder b = Operation.builder("azure", Verb.CREDENTIAL).resource(type, target).evidence(inv.evidence())
                    .note("Get-" + m.group(1) + " reveals a secret or access key");
            Matcher group = RESOURCE_GROUP.matcher(rest);
            if (group.find()) {
                b.locator("resource-group", group.group(1));
            }
            if (type.equals("storage-account") && !target.isEmpty()) {
                b.locator("host", target + ".blob.core.windows.net");
            }
            subscription(code, m.start()).ifPresent(s -> b.locator("subscription", s));
            ops.add(b.build());
        }
        return ops;
    }

    private static final Pattern SWITCH = Pattern.compile("(?i)(?:Set-AzContext|Select-AzSubscription|Select-AzContext)");
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "(?i)(?:Set-AzContext|Select-AzSubscription)\\b[^;|\\n}]*?-(?:Subscription|SubscriptionId|SubscriptionName)\\s+['\"]?([^'\"\\s;|)]+)");

    /** Whether {@code cmdlet} (lower case) switches the session's Azure context. */
    static boolean switchesContext(String cmdlet) {
        return SWITCH.matcher(cmdlet).matches();
    }

    /**
     * {@code Set-AzContext -Subscription acme-prod}: this session's (and the saved) context on this machine, which
     * changes nothing in Azure; the cmdlets after it act in that subscription.
     */
    static Operation contextSwitch(Invocation inv, String cmdlet, String rest) {
        Matcher s = Pattern.compile("(?i)-(?:Subscription|SubscriptionId|SubscriptionName)\\s+['\"]?([^'\"\\s]+)").matcher(rest);
        String subscription = s.find() ? s.group(1) : PowerShellCmdlets.positional(rest);
        return LocalFiles.local(inv, Operation.builder("azure", Verb.UPDATE).resource("configuration", cmdlet)
                .locator("subscription", subscription).confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(cmdlet + " switches this session's Azure context" + (subscription.isEmpty() ? "" : " to " + subscription)),
                "the Az context on this machine").build();
    }

    /** The subscription the last context switch before {@code at} chose. */
    static Optional<String> subscription(String code, int at) {
        Matcher m = SUBSCRIPTION.matcher(code);
        String found = null;
        while (m.find() && m.start() < at) {
            found = m.group(1);
        }
        return Optional.ofNullable(found);
    }

    /** Data-plane nouns whose removal takes a whole store with it: judged as {@code az storage container delete} is. */
    private static final Pattern WHOLE_STORE = Pattern.compile("(?i)AzStorage(Account|Container|Share)|AzDataLakeGen2FileSystem");
    private static final Pattern UPSTREAM_GROUP = Pattern.compile("(?i)Get-AzResourceGroup\\b[^|]*?-Name\\s+['\"]?([^'\"\\s|)]+)");
    private static final Pattern UPSTREAM_NAME = Pattern.compile("(?i)^\\s*Get-Az[A-Za-z]+\\b[^|]*?-(?:Name|VMName)\\s+['\"]?([^'\"\\s|)]+)");
    private static final Pattern STORAGE_ACCOUNT = Pattern.compile("(?i)(?:-StorageAccountName\\s+|Get-AzStorageAccount\\b[^|;\\n]*?-(?:Name|AccountName)\\s+)['\"]?([^'\"\\s|;)]+)");
    private static final Pattern CONTEXT_VARIABLE = Pattern.compile("(?i)-Context\\s+\\$(\\w+)");
    private static final Pattern BLOB = Pattern.compile("(?i)-Blob\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern CONTAINER = Pattern.compile("(?i)-(?:Container|ContainerName)\\s+['\"]?([^'\"\\s]+)");

    /**
     * Where an Az cmdlet at {@code at} acts when its own parameters leave it open: the resource group (and what) the
     * {@code Get-Az…} stage before it in the pipeline named, the storage account of its storage context, and the
     * subscription of an earlier context switch. Removing a whole container, share, account or group is scope all.
     */
    static void place(String code, int at, String noun, String verb, String rest, Operation.Builder b) {
        String upstream = upstream(code, at);
        if (!RESOURCE_GROUP.matcher(rest).find() && upstream.contains("|")) {
            Matcher group = UPSTREAM_GROUP.matcher(upstream);
            Matcher named = RESOURCE_GROUP.matcher(upstream);
            String found = group.find() ? group.group(1) : named.find() ? named.group(1) : "";
            if (!found.isEmpty() && Regex.find(upstream, "(?i)^\\s*Get-Az")) {
                // Get-AzVM -ResourceGroupName rg-dev-sandbox | Stop-AzVM: every VM the stage lists, unless it names one
                Matcher one = UPSTREAM_NAME.matcher(upstream);
                boolean single = one.find() && !one.group(1).contains("*") && !noun.equalsIgnoreCase("AzResourceGroup");
                b.locator("resource-group", found).resource(noun.toLowerCase(Locale.ROOT),
                        noun.equalsIgnoreCase("AzResourceGroup") ? found : single ? one.group(1) : "");
                if (!single && !noun.equalsIgnoreCase("AzResourceGroup") || found.contains("*")) {
                    b.scope(Scope.MANY);
                }
            }
        }
        if (Regex.find(noun, "(?i)^AzStorage(?!Account)|^AzDataLakeGen2")) {
            storageAccount(code, at, rest, upstream).ifPresent(account -> b.locator("host", account + ".blob.core.windows.net"));
            Matcher blob = BLOB.matcher(rest);
            Matcher container = CONTAINER.matcher(rest);
            if (noun.equalsIgnoreCase("AzStorageBlob") && blob.find()) {
                String object = (container.find() ? container.group(1) + "/" : "") + blob.group(1);
                b.resource("object", object).note((verb.equals("remove") ? "Remove-AzStorageBlob deletes " : "changes ") + object);
            }
        }
        subscription(code, at).ifPresent(s -> b.locator("subscription", s));
        if (verb.equals("remove") && WHOLE_STORE.matcher(noun).matches()) {
            b.scope(Scope.ALL);
        }
    }

    /** The pipeline stages before position {@code at}, back to the start of its statement. */
    private static String upstream(String code, int at) {
        int start = Math.max(Math.max(code.lastIndexOf(';', at - 1), code.lastIndexOf('\n', at - 1)), code.lastIndexOf('{', at - 1)) + 1;
        return code.substring(start, at);
    }

    /**
     * The storage account a data-plane cmdlet works in: its own {@code -StorageAccountName}, the account of the
     * {@code -Context $ctx} assigned earlier (or given inline), or of the stage upstream in its pipeline.
     */
    private static Optional<String> storageAccount(String code, int at, String rest, String upstream) {
        Matcher own = STORAGE_ACCOUNT.matcher(rest);
        if (own.find()) {
            return Optional.of(own.group(1));
        }
        Matcher variable = CONTEXT_VARIABLE.matcher(rest);
        if (variable.find()) {
            Matcher assigned = Pattern.compile("(?i)\\$" + variable.group(1) + "\\s*=\\s*([^;\\n]*)").matcher(code);
            String value = null;
            while (assigned.find() && assigned.start() < at) {
                value = assigned.group(1);
            }
            Matcher account = value == null ? null : STORAGE_ACCOUNT.matcher(value);
            return account != null && account.find() ? Optional.of(account.group(1)) : Optional.empty();
        }
        Matcher piped = STORAGE_ACCOUNT.matcher(upstream);
        return upstream.contains("|") && piped.find() ? Optional.of(piped.group(1)) : Optional.empty();
    }
}
