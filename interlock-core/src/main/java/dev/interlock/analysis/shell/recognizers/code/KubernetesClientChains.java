package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes clients of the JVM and .NET, written as the kubectl line that does the same: fabric8's fluent chains
 * ({@code client.apps().deployments().inNamespace("x").withName("y").delete()}) and the C# client's PascalCase
 * operations ({@code CoreV1.DeleteNamespaceAsync("payments")}, read by {@link SdkCalls}' table once camel-cased).
 */
final class KubernetesClientChains {

    private KubernetesClientChains() {
    }

    /** A resource collection, its selectors, and the operation that ends the chain. */
    private static final Pattern CHAIN = Pattern.compile("\\.\\s*([a-z][A-Za-z]*s)\\s*\\(\\s*\\)((?:\\s*\\.\\s*(?:inNamespace|withName|withLabels?|inAnyNamespace)"
            + "\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))*)\\s*\\.\\s*(delete|list|get|scale|edit|patch|replace|create|createOrReplace|resource|serverSideApply|withGracePeriod)\\s*\\(([^()]*)\\)");
    private static final Pattern NAMESPACE = Pattern.compile("\\.\\s*inNamespace\\s*\\(\\s*" + LIT);
    private static final Pattern NAME = Pattern.compile("\\.\\s*withName\\s*\\(\\s*([^()]*)\\)");
    private static final Pattern PASCAL_CALL = Pattern.compile("\\.\\s*([A-Z])(\\w*?)(?:Async)?\\s*\\(");

    /** C#: {@code .DeleteNamespacedPodAsync(} → {@code .deleteNamespacedPod(}. */
    static String camelCased(String code) {
        return PASCAL_CALL.matcher(code).replaceAll(m -> Matcher.quoteReplacement("." + m.group(1).toLowerCase(Locale.ROOT) + m.group(2) + "("));
    }

    /** fabric8's chains as kubectl lines, each with {@code context} (the client's {@code --context}) appended. */
    static void fabric8(String code, String context, List<String> lines, Set<String> accounted) {
        if (!code.contains("inNamespace") && !code.contains("withName") && !code.contains("fabric8")) {
            return;
        }
        Matcher m = CHAIN.matcher(code);
        while (m.find()) {
            String plural = m.group(1).toLowerCase(Locale.ROOT);
            String kind = Regex.replaceFirst(plural, Regex.find(plural, "(?:ss|ch|sh|x)es$") ? "es$" : "s$", "");
            String op = m.group(3);
            String verb = switch (op) {
                case "list", "get" -> "get";
                case "createOrReplace", "serverSideApply", "resource" -> "apply";
                case "withGracePeriod" -> "delete";
                case "edit" -> "patch";
                default -> op;
            };
            Matcher ns = NAMESPACE.matcher(m.group(2));
            Matcher name = NAME.matcher(m.group(2));
            String named = "";
            if (name.find()) {
                Matcher literal = Regex.pattern("^\\s*" + LIT + "\\s*$").matcher(name.group(1));
                // a name computed from a listing of the same collection (forEach over list()) is each of them
                named = literal.find() ? quote(lit(literal, 1)) : code.contains(".list()") ? "--all" : "\"$computed_at_run_time\"";
            } else if (verb.equals("delete")) {
                named = "--all";
            }
            StringBuilder line = new StringBuilder("kubectl ").append(verb).append(' ').append(kind);
            if (!named.isEmpty()) {
                line.append(' ').append(named);
            }
            if (verb.equals("scale")) {
                line.append(" --replicas=").append(Regex.matches(m.group(4).strip(), "\\d+") ? m.group(4).strip() : "0");
            }
            if (ns.find()) {
                line.append(" -n ").append(quote(lit(ns, 1)));
            } else if (m.group(2).contains("inAnyNamespace")) {
                line.append(" -A");
            }
            accounted.add(op);
            lines.add(line.append(context).toString());
        }
    }
}
