package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static scanners of infrastructure code and source (Checkov, tfsec, KICS, Terrascan, TFLint, Trivy, Semgrep, conftest,
 * kube-linter, kubesec, Regula): they read files and report. A directory called {@code envs/prod} or a production
 * profile in the environment changes nothing: no cloud API is called. Their fix modes rewrite files here; a few
 * subcommands run a server or publish, and are left to the fallback.
 */
final class ConfigScanners {

    static final Set<String> PROGRAMS = Set.of("checkov", "tfsec", "kics", "terrascan", "tflint", "trivy", "semgrep",
            "conftest", "kube-linter", "kubesec", "regula");
    /** Flags that name what is scanned. */
    private static final Set<String> TARGET_FLAGS = Set.of("-d", "--directory", "-f", "--file", "-p", "--path",
            "--iac-dir", "--iac-file", "--chdir", "--input");
    /** Flags whose value is not what is scanned (a report, a framework, a policy). */
    private static final Set<String> VALUED = Set.of("-o", "--out", "--output", "--output-path", "--output-file-path",
            "--framework", "--format", "--config", "-c", "--severity", "--minimum-severity", "--check", "--skip-check",
            "--policy", "--policy-path", "--exclude-paths", "--var-file", "--tfvars-file", "--scanners", "--exit-code",
            "--config-file", "--namespace", "-t", "--type", "--baseline", "--external-checks-dir",
            "--download-external-modules", "--queries-path", "--report-formats", "--output-name", "--ignore-file", "-i", "--iac-type");
    /** Words by which a scanner rewrites the files it scans. */
    private static final Set<String> FIXES = Set.of("--fix", "--autofix", "remediate");
    /** Subcommands that are no scan: servers, registries and platforms. */
    private static final Map<String, Set<String>> OTHER = Map.of("trivy", Set.of("server", "plugin", "module", "registry"),
            "terrascan", Set.of("server"), "conftest", Set.of("push", "pull"), "semgrep", Set.of("login", "logout", "publish", "ci", "mcp"),
            "kics", Set.of("remediate"));

    /** Scan targets that are not files here. */
    private static final Set<String> REMOTE_TARGETS = Set.of("image", "i", "repository", "repo", "k8s", "kubernetes", "vm", "aws");

    private ConfigScanners() {
    }

    /** The scan as a read of what it scans, or empty when the subcommand is not a scan ({@code trivy server}). */
    static List<Operation> recognize(Invocation inv) {
        List<String> words = inv.words();
        String first = words.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        boolean fixes = words.stream().anyMatch(FIXES::contains);
        if (OTHER.getOrDefault(inv.program(), Set.of()).contains(first) && !fixes) {
            return List.of();
        }
        String target = target(inv);
        if (REMOTE_TARGETS.contains(first) && !fixes) {
            // trivy image ghcr.io/acme/api:1.4, trivy k8s: pulls or lists what it scans, and only reads it
            return List.of(Operation.builder(inv.program(), Verb.READ).resource(first, target).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note(inv.program() + " " + first + " reads what it scans and changes nothing").build());
        }
        Operation.Builder b = LocalFiles.on(inv, fixes ? Verb.UPDATE : Verb.READ, "path", target)
                .confidence(Confidence.INFERRED)
                .note(fixes ? inv.program() + " rewrites the files it scans to fix its findings"
                        : inv.program() + " scans " + target + " statically: it reads files and calls no cloud API");
        return List.of(b.build());
    }

    private static String target(Invocation inv) {
        List<Arg> args = inv.args();
        String positional = "";
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (TARGET_FLAGS.contains(name)) {
                return w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1).value() : ".";
            }
            if (w.startsWith("-")) {
                i += VALUED.contains(w) ? 1 : 0;
            } else if (positional.isEmpty() && (w.contains("/") || w.contains(".") || i == args.size() - 1)) {
                positional = w;
            }
        }
        return positional.isEmpty() ? "." : positional;
    }
}
