package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secret scanners (TruffleHog, Gitleaks, detect-secrets, ggshield, Nosey Parker). A scan reads its source; what matters
 * is where the secrets it finds go. TruffleHog verifies by default: every candidate is sent to its provider's API
 * ({@code --no-verification} keeps them here), which is secrets leaving. Findings printed or written unredacted are
 * marked ({@link SecretFindings}) so that publishing them later in the line is seen as the credential transfer it is.
 */
final class SecretScanners {

    static final Set<String> PROGRAMS = Set.of("trufflehog", "gitleaks", "detect-secrets", "detect-secrets-hook", "ggshield",
            "noseyparker", "nosey-parker");

    /** TruffleHog's sources and the system each reads: anything but the local ones is read through its API. */
    private static final Map<String, String> TRUFFLEHOG_SOURCES = Map.ofEntries(Map.entry("git", "git"),
            Map.entry("filesystem", "filesystem"), Map.entry("github", "github"), Map.entry("gitlab", "gitlab"),
            Map.entry("s3", "aws"), Map.entry("gcs", "gcp"), Map.entry("docker", "docker"), Map.entry("syslog", "syslog"),
            Map.entry("circleci", "circleci"), Map.entry("travisci", "travisci"), Map.entry("postman", "postman"),
            Map.entry("jenkins", "jenkins"), Map.entry("elasticsearch", "elasticsearch"), Map.entry("huggingface", "huggingface"),
            Map.entry("stdin", "stdin"), Map.entry("multi-scan", "trufflehog"), Map.entry("analyze", "trufflehog"));
    private static final Set<String> TRUFFLEHOG_VALUED = Set.of("--results", "--bucket", "--org", "--repo", "--endpoint",
            "--token", "--branch", "--since-commit", "--max-depth", "--include-paths", "--exclude-paths", "--image",
            "--project-id", "--config", "--concurrency", "--log-level", "--role-arn", "--archive-max-size", "--workspace-id",
            "--collection-id", "--environment", "--url");
    private static final Set<String> GITLEAKS_VALUED = Set.of("-s", "--source", "-r", "--report-path", "-f", "--report-format",
            "-c", "--config", "-b", "--baseline-path", "--log-opts", "-l", "--log-level", "--max-target-megabytes",
            "--gitleaks-ignore-path", "-i", "--enable-rule", "--report-template", "--max-decode-depth", "--timeout");
    private static final Set<String> LOOKS_ONLY = Set.of("--help", "-h", "--version", "version", "help", "completion");

    private SecretScanners() {
    }

    static List<Operation> recognize(Invocation inv) {
        if (inv.words().isEmpty() || inv.words().stream().anyMatch(LOOKS_ONLY::contains)) {
            return List.of(looks(inv, "prints its help or version"));
        }
        return switch (inv.program()) {
            case "trufflehog" -> trufflehog(inv);
            case "gitleaks" -> gitleaks(inv);
            case "ggshield" -> ggshield(inv);
            case "noseyparker", "nosey-parker" -> noseyParker(inv);
            default -> detectSecrets(inv);
        };
    }

    private static List<Operation> trufflehog(Invocation inv) {
        ParsedArgs p = inv.parse(TRUFFLEHOG_VALUED);
        String source = p.positional(0).orElse("");
        String system = TRUFFLEHOG_SOURCES.getOrDefault(source, "trufflehog");
        String results = p.value("--results").orElse("");
        boolean verifies = !p.has("--no-verification") || p.has("--only-verified")
                || results.matches("(.*,)?(verified|unknown)(,.*)?");
        String where = trufflehogTarget(p, source);
        List<Operation> ops = new ArrayList<>();
        Operation.Builder scan = Operation.builder(system, Verb.READ).resource(source.isEmpty() ? "source" : source, where)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("trufflehog scans " + (where.isEmpty() ? source : where) + " for secrets; it prints each one in clear");
        if (where.contains("://") && !where.startsWith("file://")) {
            scan.locator("host", Hosts.of(where));
        } else if (system.equals("git") || system.equals("filesystem")) {
            LocalFiles.local(inv, scan, "files on this machine");
        }
        ops.add(SecretFindings.unredacted(scan, "trufflehog", Optional.empty(), true).build());
        if (verifies) {
            ops.add(Operation.builder("network", Verb.TRANSFER).resource("credentials", "the secrets trufflehog finds in "
                            + (where.isEmpty() ? source : where))
                    .scope(Scope.ALL).stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("verification sends every secret found to its provider's API to test it (--no-verification keeps them here)")
                    .build());
        }
        return ops;
    }

    private static String trufflehogTarget(ParsedArgs p, String source) {
        return switch (source) {
            case "s3" -> p.value("--bucket").map(b -> "s3://" + b).orElse("every bucket the credentials reach");
            case "github", "gitlab" -> p.value("--org", "--repo").orElse(p.positional(1).orElse(""));
            case "docker" -> p.value("--image").orElse("");
            case "gcs" -> p.value("--project-id").orElse("");
            default -> String.join(" ", p.words().subList(Math.min(1, p.words().size()), p.words().size()));
        };
    }

    private static List<Operation> gitleaks(Invocation inv) {
        ParsedArgs p = inv.parse(GITLEAKS_VALUED);
        String source = p.value("-s", "--source").orElse(p.positional(1).orElse("."));
        Optional<String> report = p.value("-r", "--report-path");
        boolean verbose = p.has("-v", "--verbose");
        boolean redacted = inv.words().stream().anyMatch(w -> w.equals("--redact") || w.startsWith("--redact="));
        Operation.Builder scan = LocalFiles.on(inv, Verb.READ, "directory", source).confidence(Confidence.INFERRED)
                .note("gitleaks scans " + source + " for secrets" + (redacted ? "; --redact masks them" : ""));
        if (!redacted && (report.isPresent() || verbose)) {
            // without --redact the report holds each secret in clear, and --verbose prints them; else only a summary
            SecretFindings.unredacted(scan, "gitleaks", report, verbose);
        }
        return List.of(scan.build());
    }

    /** ggshield masks the secrets it reports unless told {@code --show-secrets}. */
    private static List<Operation> ggshield(Invocation inv) {
        Operation.Builder scan = looksBuilder(inv, "ggshield scans for secrets and misconfigurations; it masks what it finds");
        if (inv.words().contains("--show-secrets")) {
            SecretFindings.unredacted(scan.note("ggshield --show-secrets prints what it finds in clear"), "ggshield",
                    inv.parse(Set.of("-o", "--output")).value("-o", "--output"), true);
        }
        return List.of(scan.build());
    }

    /** Nosey Parker keeps its matches in a datastore here; {@code report} prints them in clear. */
    private static List<Operation> noseyParker(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-d", "--datastore", "-o", "--output", "--format", "-j", "--jobs"));
        if (p.positional(0).orElse("").equals("report")) {
            Operation.Builder report = looksBuilder(inv, "noseyparker report prints every match in clear");
            return List.of(SecretFindings.unredacted(report, "noseyparker", p.value("-o", "--output"), false).build());
        }
        return List.of(looks(inv, "noseyparker scans for secrets into its datastore on this machine"));
    }

    /**
     * detect-secrets writes a baseline of hashed secrets ({@code scan > .secrets.baseline}); {@code --only-verified}
     * sends each candidate to its provider to test it.
     */
    private static List<Operation> detectSecrets(Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        ops.add(looks(inv, inv.program() + " scans for secrets; its baseline holds only their hashes"));
        if (inv.words().contains("--only-verified")) {
            ops.add(Operation.builder("network", Verb.TRANSFER).resource("credentials", "the secrets detect-secrets finds")
                    .scope(Scope.ALL).stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("--only-verified sends every secret found to its provider's API to test it").build());
        }
        return ops;
    }

    private static Operation looks(Invocation inv, String note) {
        return looksBuilder(inv, note).build();
    }

    private static Operation.Builder looksBuilder(Invocation inv, String note) {
        return LocalFiles.local(inv, Operation.builder(inv.program(), Verb.READ).resource("program", inv.program())
                .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(note), "reads files on this machine");
    }
}
