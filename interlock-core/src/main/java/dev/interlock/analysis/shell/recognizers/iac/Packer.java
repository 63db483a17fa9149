package dev.interlock.analysis.shell.recognizers.iac;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.EnvironmentVariables;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HashiCorp Packer, {@code packer}. Validating, formatting, inspecting and installing plugins stay on this machine.
 * {@code build} creates machine images (an AMI, a GCE image) in the account its template's sources reach, which the
 * command line shows only through what it names: {@code -var env=…} and {@code PKR_VAR_*} variables, its
 * {@code -var-file}s ({@code vars/production.pkrvars.hcl}), the template's directory or the working directory, and the
 * cloud profile its variables pick ({@code AWS_PROFILE}). A build that names no environment stays this machine's.
 */
public final class Packer implements Recognizer {

    private static final Set<String> VALUED = Set.of("var", "var-file", "only", "except", "on-error", "parallel-builds");
    private static final Set<String> BOOLEANS = Set.of("force", "debug", "color", "timestamp-ui", "machine-readable",
            "check", "diff", "recursive", "write", "upgrade", "syntax-only", "evaluate-datasources");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "validate inspect version console", read("template"))
            .add("", "fmt init fix hcl2_upgrade", local("template"))
            .add("plugins", "installed required", read("plugin"))
            .add("plugins", "install remove", local("plugin"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("packer");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        IacArgs a = IacArgs.parse(inv.args(), VALUED, BOOLEANS, false);
        List<String> words = a.words();
        if (words.isEmpty() || !words.getFirst().equals("build") || a.has("help", "h")) {
            return COMMANDS.find(words).map(f -> List.of(f.act().operation(inv, "packer", f.name(words)).build()))
                    .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
        }
        String template = words.size() > 1 ? words.get(1) : ".";
        Operation.Builder b = Operation.builder("packer", Verb.CREATE).resource("image", template).scope(Scope.ONE)
                .evidence(inv.evidence());
        if (a.has("force")) {
            b.reversible(false).note("-force deletes existing artifacts of the same name before building");
        }
        Optional<String> environment = environment(inv, a, template);
        boolean profileNamed = EnvironmentVariables.locators("packer", inv.env()).values().stream().anyMatch(DeploymentWords::named);
        if (environment.isEmpty() && !profileNamed) {
            // the template alone decides where it builds (a docker or QEMU source, or the default account): as before
            return List.of(LocalFiles.local(inv, b, "nothing on the command line names the account packer builds in").build());
        }
        environment.ifPresent(e -> b.locator("environment", e));
        return List.of(b.build());
    }

    /**
     * The environment a build names: an environment variable of the template ({@code -var env=prod},
     * {@code PKR_VAR_environment=production}) or any {@code PKR_VAR_*} whose value names a tier, else its last var
     * file's name, else the template's or working directory's path.
     */
    private static Optional<String> environment(Invocation inv, IacArgs a, String template) {
        List<Arg> assignments = new ArrayList<>(a.values("var"));
        for (Map.Entry<String, String> e : inv.env().entrySet()) {
            if (e.getKey().startsWith("PKR_VAR_")) {
                assignments.add(Arg.of(e.getKey().substring("PKR_VAR_".length()) + "=" + e.getValue()));
            }
        }
        Optional<String> assigned = IacArgs.environmentAssignment(assignments);
        if (assigned.isPresent()) {
            return assigned;
        }
        Optional<String> tierValue = inv.env().entrySet().stream()
                .filter(e -> e.getKey().startsWith("PKR_VAR_") && DeploymentWords.named(e.getValue()))
                .map(Map.Entry::getValue).findFirst();
        if (tierValue.isPresent()) {
            return tierValue;
        }
        List<Arg> varFiles = a.values("var-file");
        for (int i = varFiles.size() - 1; i >= 0; i--) {
            Optional<String> named = IacArgs.environmentOfPath(varFiles.get(i).value());
            if (named.isPresent()) {
                return named;
            }
        }
        return IacArgs.environmentOfPath(inv.workspace().resolve(template));
    }
}
