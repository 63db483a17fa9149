package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformRecognizerTest {

    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String... args) {
        return new TerraformRecognizer().recognize(Invocation.of(program, args), nested);
    }

    private Operation one(String program, String... args) {
        List<Operation> ops = run(program, args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void plansAndInspectionAreReads() {
        for (String[] args : List.of(new String[] {"plan"}, new String[] {"plan", "-destroy"}, new String[] {"init", "-upgrade"},
                new String[] {"validate"}, new String[] {"fmt", "-recursive"}, new String[] {"show", "-json", "tfplan"},
                new String[] {"output", "-json"}, new String[] {"state", "list"}, new String[] {"state", "show", "aws_instance.web"},
                new String[] {"workspace", "list"}, new String[] {"providers"}, new String[] {"graph"})) {
            assertThat(one("terraform", args).verb()).as(String.join(" ", args)).isEqualTo(Verb.READ);
        }
    }

    @Test
    void versionAndHelpProduceNothing() {
        assertThat(run("terraform", "-version")).isEmpty();
        assertThat(run("terraform", "apply", "-help")).isEmpty();
    }

    @Test
    void destroyTearsDownTheWholeWorkspace() {
        Operation op = one("terraform", "-chdir=envs/prod", "destroy", "-auto-approve");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("workspace");
        assertThat(op.resource().name()).isEqualTo("envs/prod");
        assertThat(op.resource().locator("directory")).isEqualTo("envs/prod");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        assertThat(op.note()).contains("no human confirmation");
        assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
    }

    @Test
    void applyDestroyIsATeardownButPlanDestroyIsNot() {
        assertThat(one("tofu", "apply", "-destroy").scope()).isEqualTo(Scope.ALL);
        assertThat(one("tofu", "apply", "-destroy").verb()).isEqualTo(Verb.DELETE);
        assertThat(one("tofu", "plan", "-destroy").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void targetedDestroyIsManyNotAll() {
        Operation op = one("terraform", "destroy", "-target=aws_instance.web", "-target", "aws_eip.ip");
        assertThat(op.resource().type()).isEqualTo("resource");
        assertThat(op.resource().name()).isEqualTo("aws_instance.web,aws_eip.ip");
        assertThat(op.scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void applyIsAnUpdateAndReplaceIsSeparate() {
        List<Operation> ops = run("terraform", "apply", "-auto-approve", "-replace=aws_db_instance.main");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.REPLACE, Verb.UPDATE);
        assertThat(ops.getFirst().resource().name()).isEqualTo("aws_db_instance.main");
        assertThat(ops.getFirst().stateful()).isTrue();
        assertThat(ops.get(1).note()).contains("no human confirmation");
    }

    @Test
    void savedPlanApplyIsInferred() {
        Operation op = one("terraform", "apply", "tfplan");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void workspaceFromEnvironmentAndVarFileAsDirectory() {
        Invocation inv = new Invocation("terraform", List.of(Arg.of("apply"), Arg.of("-var-file=prod.tfvars")),
                Map.of("TF_WORKSPACE", "payments-prod"), dev.interlock.analysis.shell.Workspace.of("/home/dev/infra"),
                Evidence.text("terraform apply"), java.util.Optional.empty(), Map.of());
        Operation op = new TerraformRecognizer().recognize(inv, nested).getFirst();
        assertThat(op.resource().locator("workspace")).isEqualTo("payments-prod");
        assertThat(op.resource().locator("directory")).isEqualTo("prod.tfvars");
        assertThat(op.resource().locator("varfile")).isEqualTo("prod.tfvars");
        assertThat(op.resource().name()).isEqualTo("payments-prod");
    }

    @Test
    void chdirWinsOverVarFileForDirectory() {
        Operation op = one("terraform", "-chdir=envs/staging", "plan", "-var-file=prod.tfvars");
        assertThat(op.resource().locator("directory")).isEqualTo("envs/staging");
    }

    @Test
    void environmentVariableBecomesEnvironmentLocator() {
        assertThat(one("terraform", "apply", "-var", "env=prod").resource().locator("environment")).isEqualTo("prod");
        assertThat(one("terraform", "apply", "-var=environment=staging").resource().locator("environment")).isEqualTo("staging");
        assertThat(one("terraform", "apply", "-var", "instance_count=3").resource().locator("environment")).isEmpty();
    }

    @Test
    void stateSurgery() {
        Operation rm = one("terraform", "state", "rm", "aws_instance.a", "aws_instance.b");
        assertThat(rm.verb()).isEqualTo(Verb.UPDATE);
        assertThat(rm.resource().type()).isEqualTo("state");
        assertThat(rm.reversible()).isFalse();
        assertThat(rm.scope()).isEqualTo(Scope.MANY);
        Operation push = one("terraform", "state", "push", "-force", "backup.tfstate");
        assertThat(push.verb()).isEqualTo(Verb.REPLACE);
        assertThat(push.stateful()).isTrue();
        assertThat(one("terraform", "state", "push", "backup.tfstate").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void workspaces() {
        Operation delete = one("terraform", "workspace", "delete", "-force", "prod");
        assertThat(delete.verb()).isEqualTo(Verb.DELETE);
        assertThat(delete.resource().locator("workspace")).isEqualTo("prod");
        assertThat(delete.scope()).isEqualTo(Scope.ALL);
        Operation select = one("terraform", "workspace", "select", "prod");
        assertThat(select.verb()).isEqualTo(Verb.UPDATE);
        assertThat(select.environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void taintMarksReplace() {
        Operation op = one("terraform", "taint", "aws_instance.web");
        assertThat(op.verb()).isEqualTo(Verb.REPLACE);
        assertThat(op.resource().name()).isEqualTo("aws_instance.web");
        assertThat(one("terraform", "untaint", "aws_instance.web").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void otherChanges() {
        assertThat(one("terraform", "import", "aws_s3_bucket.b", "my-bucket").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("terraform", "refresh").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("terraform", "apply", "-refresh-only").resource().type()).isEqualTo("state");
        assertThat(one("terraform", "force-unlock", "-force", "1234").note()).contains("lock");
        assertThat(one("terraform", "frobnicate").confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void terragruntRunAllIsEverything() {
        Operation op = one("terragrunt", "run-all", "destroy", "--terragrunt-working-dir", "live/prod");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.resource().locator("directory")).isEqualTo("live/prod");
        Operation apply = one("terragrunt", "run", "--all", "--", "apply", "-auto-approve");
        assertThat(apply.verb()).isEqualTo(Verb.UPDATE);
        assertThat(apply.scope()).isEqualTo(Scope.ALL);
        assertThat(one("terragrunt", "run-all", "plan").verb()).isEqualTo(Verb.READ);
        assertThat(one("terragrunt", "apply-all").scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void terragruntExecIsAnalysedAsShell() {
        run("terragrunt", "exec", "--", "aws", "s3", "ls");
        assertThat(nested.commands).containsExactly("aws s3 ls");
    }

    @Test
    void commandFromAVariableReadsAsDestroy() {
        Invocation inv = Invocation.of("terraform").withArgs(List.of(new Arg("$CMD", false, false, Evidence.NONE), Arg.of("-auto-approve")));
        Operation op = new TerraformRecognizer().recognize(inv, nested).getFirst();
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void nonLiteralDirectoryIsInferred() {
        Invocation inv = Invocation.of("terraform", "destroy");
        inv = inv.withArgs(List.of(new Arg("-chdir=$ENV_DIR", false, false, Evidence.NONE), Arg.of("destroy")));
        assertThat(new TerraformRecognizer().recognize(inv, nested).getFirst().confidence()).isEqualTo(Confidence.INFERRED);
    }
}
