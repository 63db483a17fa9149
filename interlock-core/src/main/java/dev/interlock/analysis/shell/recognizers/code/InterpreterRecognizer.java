package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.DataCopies;
import dev.interlock.analysis.shell.recognizers.DeploymentScripts;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Script interpreters run with code on the command line ({@code python -c}, {@code node -e}, {@code ruby -e},
 * {@code php -r}, {@code osascript -e}, {@code pwsh -Command}) or on stdin ({@code python3 - <<PY}). The code is
 * scanned for literal shell commands (analyzed as shell), literal deletes (filesystem operations), and constructs that
 * hide what runs (opaque). Running a script file is a plain local process run.
 */
public final class InterpreterRecognizer implements Recognizer {

    /** Runners of a project's source file whose unseen code {@code ProjectRuns} places by the arguments it is handed. */
    private static final Set<String> PROJECT_RUNNERS = Set.of("jbang", "kotlin");

    @Override
    public Set<String> programs() {
        return CodeSources.LANGUAGES.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Language language = CodeSources.LANGUAGES.getOrDefault(inv.program(), Language.PYTHON);
        CodeSources.Source source = language == Language.POWERSHELL ? CodeSources.powershell(inv.args()) : CodeSources.of(inv, language);
        if (!source.opaque().isEmpty()) {
            return List.of(LocalFiles.opaque(inv, source.opaque()));
        }
        List<Operation> ops = new ArrayList<>();
        if (source.inPlace()) {
            for (String file : source.operands()) {
                ops.add(SelfProtectionRecognizer.write(inv, file, "edits"));
            }
        }
        if (source.code().isEmpty() && inv.stdin().isPresent() && source.script().isEmpty()) {
            source.code().append(inv.stdin().get());
        }
        if (source.code().isEmpty() && !source.script().isEmpty() && !source.script().startsWith("-m")) {
            Optional<Arg> scriptArg = inv.args().stream().filter(a -> a.value().equals(source.script())).findFirst();
            if (scriptArg.isPresent() && !scriptArg.get().literal()) {
                ops.add(LocalFiles.opaque(inv, inv.program() + " runs code from " + source.script() + ", only known at run time"));
                return ops;
            }
            Optional<String> written = nested.written(source.script());
            Optional<String> hidden = written.isPresent() ? Optional.empty() : nested.hiddenSource(source.script());
            if (hidden.isPresent()) {
                // echo "$P" | base64 -d > /tmp/c.py && python3 /tmp/c.py: code no one has read, like curl … | python3 -
                ops.add(Operation.builder("process", Verb.UNKNOWN).resource("program", inv.program()).confidence(Confidence.OPAQUE)
                        .reversible(false).evidence(inv.evidence())
                        .note(inv.program() + " runs " + source.script() + ", which this command line " + hidden.get()).build());
                return ops;
            }
            Optional<Operation> projectRun = written.isEmpty() && PROJECT_RUNNERS.contains(inv.program())
                    ? dev.interlock.analysis.shell.recognizers.packages.ProjectRuns.of(inv) : Optional.empty();
            if (projectRun.isPresent()) {
                // jbang Tool.java --env prod: a source file of the project, placed by the arguments it is handed
                ops.add(projectRun.get());
                return ops;
            }
            if (written.isEmpty()) {
                ops.add(script(inv, source.script()));
                DataCopies.named(inv, source.script())
                        .or(() -> DeploymentScripts.named(inv.program(), source.script()).map(b -> b.evidence(inv.evidence()).build()))
                        .ifPresent(ops::add);
                return ops;
            }
            source.code().append(written.get());
        }
        if (source.code().isEmpty()) {
            String what = source.script().isEmpty() ? inv.program() : source.script();
            ops.add(LocalFiles.execute(inv, what, source.script().isEmpty() ? "interactive interpreter" : "runs a module"));
            return ops;
        }
        if (!source.literal()) {
            ops.add(LocalFiles.opaque(inv, "the " + inv.program() + " code is built from shell variables"));
            return ops;
        }
        ops.addAll(InlineCode.code(source.code().toString(), language, inv, nested, 0, new HashSet<>()));
        if (ops.isEmpty() && language == Language.POWERSHELL && PowerShellStatements.onlyLooks(LiteralEvaluations.inlined(source.code().toString(), language))) {
            // Get-Service W3SVC | Select-Object Status: a look at the machine, wherever it runs (a prod host too)
            ops.add(LocalFiles.local(inv, Operation.builder("powershell", Verb.READ).resource("cmdlets", "")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("PowerShell that only reads and prints"),
                    "runs on this machine").build());
            return ops;
        }
        if (ops.isEmpty() && ReadOnlyCode.only(source.code().toString(), language)) {
            // print(open(sys.argv[1]).read()) ~/.ssh/id_ed25519: what it reads is named on the command line
            for (String operand : source.operands()) {
                if (Regex.find(source.code(), "\\b(?:argv|ARGV)\\b") && SecretFiles.isSecret(inv.workspace().resolve(operand))) {
                    ops.add(CredentialRecognizer.secretFile(inv, operand));
                }
            }
            if (!ops.isEmpty()) {
                return ops;
            }
            // puts File.read("/etc/os-release"): a look at the machine, wherever it runs (a prod host too)
            ops.add(LocalFiles.local(inv, Operation.builder("process", Verb.READ).resource("code", inv.program())
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("inline code that only reads and prints"),
                    "runs on this machine").build());
            return ops;
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.execute(inv, inv.program(), "inline code with no destructive call"));
        }
        return ops;
    }

    /**
     * A script whose contents this command line does not show: local work on this machine, but not proof of anything
     * in a declared environment, so it takes that environment (like {@code ./deploy.sh}).
     */
    static Operation script(Invocation inv, String path) {
        if (!inv.remote()) {
            Optional<Operation> applied = dev.interlock.analysis.shell.recognizers.AppliedScripts.inProduction(path, inv.args(), inv.env(), inv.evidence());
            if (applied.isPresent()) {
                return applied.get();
            }
        }
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("script", path)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("runs the script " + path + " (its contents are not analyzed)");
        // code Interlock cannot read goes where its variables send it (DATABASE_URL=postgresql://db.prod…)
        Optional<String> server = LocalFiles.serverInEnv(inv.env());
        return server.isPresent() ? b.locator("host", server.get()).build() : LocalFiles.localUnlessNamed(inv, b, "a script on this machine").build();
    }


}
