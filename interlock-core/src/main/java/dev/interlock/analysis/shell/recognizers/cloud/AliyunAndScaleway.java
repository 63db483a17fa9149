package dev.interlock.analysis.shell.recognizers.cloud;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Alibaba Cloud's {@code aliyun PRODUCT Action --Flags} (the API action's own name: {@code DescribeInstances} reads,
 * {@code DeleteInstance}, {@code ReleaseEipAddress} delete) and Scaleway's {@code scw NAMESPACE RESOURCE VERB key=value}
 * ({@code instance server list} reads, {@code delete} deletes). IAM changes are grants ({@code ram AttachPolicyToUser},
 * {@code scw iam policy create}), creating an access or API key hands out a credential. {@code --profile} (and the CLIs'
 * profile variables) places the operation through the inventory; nothing else names an environment.
 */
public final class AliyunAndScaleway implements Recognizer {

    /** An Alibaba Cloud action's leading word and what it does; the first match wins. */
    private static final List<Map.Entry<String, Act>> ALIYUN_PREFIXES = List.of(
            Map.entry("Describe", read("")), Map.entry("List", read("")), Map.entry("Get", read("")),
            Map.entry("Query", read("")), Map.entry("Check", read("")), Map.entry("Search", read("")),
            Map.entry("Delete", delete("")), Map.entry("Release", delete("")), Map.entry("Remove", delete("")),
            Map.entry("Destroy", delete("")), Map.entry("Purge", delete("")), Map.entry("Unassociate", update("")),
            Map.entry("Create", create("")), Map.entry("Allocate", create("")), Map.entry("Import", create("")),
            Map.entry("Copy", create("")), Map.entry("Put", create("")), Map.entry("Upload", create("")),
            Map.entry("Invoke", execute("command")), Map.entry("RunCommand", execute("command")),
            Map.entry("Run", create("")));

    /** RAM and STS actions that change who may do what, or hand out keys and identities. */
    private static final Map<String, Act> ALIYUN_IDENTITY = Map.ofEntries(
            Map.entry("createaccesskey", credential("access-key").note("creates and prints an access key")),
            Map.entry("assumerole", new Act(Verb.ESCALATE, "role", false, false, Scope.ONE, "assumes a RAM role")),
            Map.entry("createloginprofile", grant("login-profile").note("gives a RAM user a console password")),
            Map.entry("updateloginprofile", grant("login-profile").note("changes a RAM user's console password")));

    /** A Scaleway command's verb word and what it does. */
    private static final Map<String, Act> SCW_VERBS = Map.ofEntries(
            Map.entry("list", read("")), Map.entry("get", read("")), Map.entry("wait", read("")),
            Map.entry("logs", read("")), Map.entry("describe", read("")),
            Map.entry("delete", delete("")), Map.entry("terminate", delete("")), Map.entry("purge", delete("")),
            Map.entry("create", create("")), Map.entry("deploy", create("")), Map.entry("upload", create("")),
            Map.entry("update", update("")), Map.entry("set", update("")), Map.entry("action", update("")),
            Map.entry("start", update("")), Map.entry("stop", update("")), Map.entry("reboot", update("")),
            Map.entry("attach", update("")), Map.entry("detach", update("")), Map.entry("restore", update("")),
            Map.entry("ssh", execute("")), Map.entry("exec", execute("")), Map.entry("run", execute("")));

    /** Global flags that take a value and may come before the command: a profile, a config file, an output format. */
    private static final Set<String> GLOBAL_VALUED = Set.of("-p", "--profile", "-c", "--config", "-o", "--output",
            "--region", "--mode", "--language", "--endpoint");

    /** Words of a policy that give everything: Alibaba's {@code AdministratorAccess}, any {@code *FullAccess} set. */
    private static final Set<String> ALL_RIGHTS = Set.of("administratoraccess", "fullaccess");

    @Override
    public Set<String> programs() {
        return Set.of("aliyun", "scw");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = new ArrayList<>();
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.startsWith("-") && words.isEmpty()) {
                // global flags before the command (scw -p prod instance …): skipped, with their values
                i += GLOBAL_VALUED.contains(w) ? 1 : 0;
                continue;
            }
            if (w.startsWith("-")) {
                break;
            }
            words.add(w);
        }
        if (words.isEmpty() || inv.words().contains("--help") || inv.words().contains("-h")) {
            return List.of();
        }
        Operation.Builder b = inv.program().equals("aliyun") ? aliyun(inv, words) : scw(inv, words);
        return b == null ? List.of() : List.of(place(inv, b).build());
    }

    private static Operation.Builder aliyun(Invocation inv, List<String> words) {
        String product = words.getFirst().toLowerCase(Locale.ROOT);
        if (Set.of("configure", "version", "help", "auto-completion").contains(product)) {
            return local("configuration").operation(inv, "aliyun", "");
        }
        if (words.size() < 2) {
            return null;
        }
        String action = words.get(1);
        Act act = ALIYUN_IDENTITY.get(action.toLowerCase(Locale.ROOT));
        if (act == null) {
            act = ALIYUN_PREFIXES.stream().filter(e -> action.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                    .orElse(update(""));
            // the object is the action's name without its verb: DeleteInstance → instance
            String object = action.replaceFirst("^[A-Z][a-z]+", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            act = act.on(object.isEmpty() ? product : object);
            if (product.equals("ram") && act.verb() != Verb.READ && Set.of("polic", "role", "group", "user")
                    .stream().anyMatch(object::contains) && !act.verb().equals(Verb.DELETE)) {
                act = new Act(Verb.GRANT, act.type(), false, false, allRights(inv) ? Scope.ALL : Scope.ONE,
                        "changes who may do what: aliyun ram " + action);
            }
        }
        String name = value(inv, "--InstanceId", "--UserName", "--RoleName", "--PolicyName", "--BucketName", "--DBInstanceId",
                "--ClusterId", "--Name");
        return act.operation(inv, "aliyun", name).note(act.note().isEmpty() ? "aliyun " + product + " " + action : act.note());
    }

    private static Operation.Builder scw(Invocation inv, List<String> words) {
        String namespace = words.getFirst().toLowerCase(Locale.ROOT);
        if (Set.of("init", "config", "version", "help", "info", "autocomplete", "shell").contains(namespace)) {
            return local("configuration").operation(inv, "scw", "");
        }
        // scw NAMESPACE RESOURCE VERB [ID] key=value…: the first word that is a verb
        int at = -1;
        for (int i = 1; i < words.size() && i < 4; i++) {
            if (SCW_VERBS.containsKey(words.get(i).toLowerCase(Locale.ROOT))) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        String verb = words.get(at).toLowerCase(Locale.ROOT);
        String resource = at > 1 ? words.get(at - 1).toLowerCase(Locale.ROOT) : namespace;
        String name = at + 1 < words.size() && !words.get(at + 1).contains("=") ? words.get(at + 1) : keyValue(words, "name");
        Act act = SCW_VERBS.get(verb).on(resource);
        if (namespace.equals("iam") && !act.verb().equals(Verb.READ)) {
            if (resource.equals("api-key") && verb.equals("create")) {
                act = credential("api-key").note("creates and prints an API key");
            } else if (Set.of("policy", "rule", "rules", "group", "user", "application").contains(resource)
                    && !act.verb().equals(Verb.DELETE)) {
                act = new Act(Verb.GRANT, resource, false, false, allRights(inv) ? Scope.ALL : Scope.ONE,
                        "changes who may do what: scw iam " + resource + " " + verb);
            }
        }
        return act.operation(inv, "scw", name).note(act.note().isEmpty() ? "scw " + String.join(" ", words.subList(0, at + 1)) : act.note());
    }

    /** A policy named in the line gives every right ({@code AdministratorAccess}, {@code AllProductsFullAccess}). */
    private static boolean allRights(Invocation inv) {
        for (String w : inv.words()) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (ALL_RIGHTS.stream().anyMatch(lower::contains)) {
                return true;
            }
        }
        return false;
    }

    /** {@code --profile}, and the CLIs' profile variables. */
    private static Operation.Builder place(Invocation inv, Operation.Builder b) {
        String profile = value(inv, "--profile", "-p");
        if (profile.isEmpty()) {
            profile = inv.program().equals("aliyun")
                    ? inv.env().getOrDefault("ALIBABA_CLOUD_PROFILE", inv.env().getOrDefault("ALIBABACLOUD_PROFILE", ""))
                    : inv.env().getOrDefault("SCW_PROFILE", "");
        }
        if (!profile.isEmpty()) {
            b.locator("profile", profile);
        }
        inv.locators().forEach(b::locator);
        return b;
    }

    /** The value of the first of {@code flags} given ({@code --Flag V} or {@code --Flag=V}). */
    private static String value(Invocation inv, String... flags) {
        List<String> w = inv.words();
        for (String flag : flags) {
            for (int i = 0; i < w.size(); i++) {
                if (w.get(i).equals(flag) && i + 1 < w.size()) {
                    return w.get(i + 1);
                }
                if (w.get(i).startsWith(flag + "=")) {
                    return w.get(i).substring(flag.length() + 1);
                }
            }
        }
        return "";
    }

    private static String keyValue(List<String> words, String key) {
        return words.stream().filter(w -> w.startsWith(key + "=")).map(w -> w.substring(key.length() + 1)).findFirst().orElse("");
    }
}
