package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.analysis.plan.ManifestAction;
import dev.interlock.analysis.plan.PlanFormatException;
import dev.interlock.analysis.plan.Plans;
import dev.interlock.json.DecisionWriter;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Plan;
import dev.interlock.model.Request;
import dev.interlock.model.RequestKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interlock plan FILE|-}: decide a whole change plan and show its blast radius. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Decide an infrastructure change plan: terraform/tofu show -json, aws cloudformation describe-change-set,"
                + " pulumi preview --json, or Kubernetes manifests (format detected; --type names it).",
                "Exit codes: 0 allow, 10 ask, 11 require_approval, 12 deny, 1 unreadable plan or internal error (fail closed), 2 usage."},
        footer = {"", "Examples:", "  terraform plan -out=tfplan && terraform show -json tfplan > plan.json",
                "  interlock plan plan.json", "  interlock plan --format markdown plan.json > comment.md",
                "  interlock plan --github --workspace payments-prod plan.json     # in a GitHub Actions job",
                "  interlock plan --type kubernetes --action delete manifests.yaml"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Parameters(paramLabel = "FILE|-", arity = "1", description = "The plan document, or - for stdin.")
    String file;

    @Option(names = "--type", paramLabel = "T", description = "terraform (also tofu), cloudformation, pulumi or kubernetes (default: detected).")
    String type;

    @Option(names = "--format", paramLabel = "F", description = "text, json or markdown (default: text).")
    String format = "text";

    @Option(names = "--github", description = "Also append markdown to $GITHUB_STEP_SUMMARY and print an ::error/::warning annotation.")
    boolean github;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment the plan is for (prod, staging, dev, local or an inventory name).")
    String environment;

    @Option(names = "--workspace", paramLabel = "W", description = "Terraform workspace (default: $TF_WORKSPACE, then .terraform/environment in --cwd).")
    String workspace;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The configuration's directory (default: the current directory).")
    String cwd;

    @Option(names = "--action", paramLabel = "A", description = "Manifests only: apply (default), create, replace or delete.")
    String action;

    @Option(names = "--force", description = "Manifests only: replace --force (delete and recreate).")
    boolean force;

    @Option(names = "--prune", description = "Manifests only: apply --prune (deletes what the manifests no longer name).")
    boolean prune;

    @Option(names = "--agent", paramLabel = "A", description = "The agent proposing the plan.")
    String agent = "";

    @Option(names = "--principal", paramLabel = "P", description = "The human the agent works for.")
    String principal = "";

    /** This process's environment; tests substitute their own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json") && !format.equals("markdown")) {
            return Cli.usage(spec, "--format must be text, json or markdown, not '" + format + "'");
        }
        Optional<RequestKind> kind;
        ManifestAction manifest;
        try {
            kind = kind(type);
            manifest = new ManifestAction(action, force, prune, false);
        } catch (IllegalArgumentException | PlanFormatException e) {
            return Cli.usage(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Plan plan;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            plan = Plans.read(in, kind, manifest);
        } catch (NoSuchFileException e) {
            return unreadable(out, "no such file: " + file);
        } catch (IOException e) {
            return unreadable(out, "cannot read " + file + ": " + e.getMessage());
        } catch (PlanFormatException e) {
            return unreadable(out, e.getMessage());
        }
        Interlock interlock = engine.build();
        Decision decision = interlock.decide(request(plan));
        switch (format) {
            case "json" -> out.print(DecisionWriter.toJson(decision) + "\n");
            case "markdown" -> out.print(PlanReport.markdown(decision));
            default -> out.print(PlanReport.text(decision, new TextRenderer(TextRenderer.terminal())));
        }
        if (github) {
            out.print(PlanReport.annotation(decision));
            summary(PlanReport.markdown(decision));
        }
        out.flush();
        return decision.effect().exitCode();
    }

    Request request(Plan plan) {
        String dir = cwd != null ? cwd : System.getProperty("user.dir");
        return PlanRequests.request(plan, dir, env, environment, workspace,
                new Actor(principal, agent, env.getOrDefault("INTERLOCK_SESSION", "")));
    }

    static Optional<RequestKind> kind(String type) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case "terraform", "tofu", "opentofu", "terraform-plan" -> RequestKind.TERRAFORM_PLAN;
            case "cloudformation", "cfn", "cloudformation-changeset" -> RequestKind.CLOUDFORMATION_CHANGESET;
            case "pulumi", "pulumi-preview" -> RequestKind.PULUMI_PREVIEW;
            case "kubernetes", "k8s", "kubernetes-manifest" -> RequestKind.KUBERNETES_MANIFEST;
            default -> throw new IllegalArgumentException("--type must be terraform, tofu, cloudformation, pulumi or kubernetes, not '" + type + "'");
        });
    }

    private int unreadable(PrintWriter out, String why) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("interlock plan: " + why + " (the answer is deny: an unreadable plan is never allowed)");
        err.flush();
        if (github) {
            out.print("::error title=Interlock::" + ("cannot read the plan: " + why).replace("%", "%25").replace("\n", "%0A") + "\n");
            out.flush();
        }
        return Main.INTERNAL_ERROR;
    }

    /** GitHub Actions shows $GITHUB_STEP_SUMMARY on the run's page; outside Actions there is none to write. */
    private void summary(String markdown) {
        String path = env.getOrDefault("GITHUB_STEP_SUMMARY", "");
        if (path.isEmpty()) {
            spec.commandLine().getErr().println("interlock plan: --github: $GITHUB_STEP_SUMMARY is not set (not in GitHub Actions?); no job summary written");
            return;
        }
        try {
            Files.writeString(Path.of(path), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            spec.commandLine().getErr().println("interlock plan: cannot write the job summary to " + path + ": " + e.getMessage());
        }
    }
}
