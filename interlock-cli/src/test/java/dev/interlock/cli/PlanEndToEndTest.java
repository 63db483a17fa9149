package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock plan} and {@code interlock exec -- terraform apply} as a user runs them: the real launcher, the
 * shipped policy, and real-format plans. Terraform cannot be installed here, so a stand-in
 * ({@code src/test/resources/stand-ins/terraform}) on PATH writes a real-format plan JSON where terraform would write
 * its binary plan, prints it for {@code show -json}, and records what {@code apply} was given.
 */
class PlanEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path PLANS = ROOT.resolve("interlock-core/src/test/resources/plans/terraform");
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    static Path bin;

    @BeforeAll
    static void standIn() throws IOException {
        bin = Files.createTempDirectory("interlock-plan-e2e-bin");
        Path terraform = bin.resolve("terraform");
        Files.copy(ROOT.resolve("interlock-cli/src/test/resources/stand-ins/terraform"), terraform, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(terraform, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void planDecidesAndShowsTheBlastRadiusInEveryFormat(@TempDir Path dir) throws Exception {
        Result text = run(Map.of(), "plan", PLANS.resolve("replace-db-prod.plan.json").toString());
        assertThat(text.exit()).as(text.err()).isEqualTo(12);
        assertThat(text.out()).startsWith("DENY  replace 1, update 1 resources in production (prod); 1 holds data: aws_db_instance.payments")
                .contains("plans-never-destroy-data-in-prod").contains("skip_final_snapshot");

        Result json = run(Map.of(), "plan", "--format", "json", PLANS.resolve("create-before-destroy.plan.json").toString());
        assertThat(json.exit()).isEqualTo(11);
        JsonNode d = JSON.readTree(json.out());
        assertThat(d.at("/blast_radius/by_verb/replace").asInt()).isEqualTo(2);
        assertThat(d.at("/blast_radius/holding_data/0").asText()).isEqualTo("aws_db_instance.reporting");
        assertThat(d.at("/blast_radius/digest").asText()).startsWith("sha256:");
        assertThat(d.at("/approval/count").asInt()).isEqualTo(2);

        Result markdown = run(Map.of(), "plan", "--format", "markdown", PLANS.resolve("destroy-workspace-40.plan.json").toString());
        assertThat(markdown.exit()).isEqualTo(12);
        assertThat(markdown.out()).startsWith("### ⛔ Interlock: **DENY** — delete 40 resources")
                .contains("| `aws_db_instance` | 5 |").contains("🔥 `aws_db_instance.r0`").contains("<details><summary>All 41 operations");

        Path summary = dir.resolve("summary.md");
        Result github = run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "plan", "--github",
                PLANS.resolve("moved-block.plan.json").toString());
        assertThat(github.exit()).isEqualTo(11);
        assertThat(github.out()).contains("::error title=Interlock require approval::update 1 resource in production (prod)");
        assertThat(Files.readString(summary)).contains("✋ Interlock: **REQUIRE APPROVAL**").contains("moved without change");

        Result dev = withStdin(Files.readString(PLANS.resolve("dev-harmless.plan.json")), Map.of(), "plan", "-");
        assertThat(dev.exit()).as(dev.out() + dev.err()).isZero();
        assertThat(dev.out()).startsWith("ALLOW  replace 1, update 1, create 1, read 1 resources in dev");
    }

    @Test
    void unreadablePlansAreClearErrorsNeverAnAllow() throws Exception {
        Result truncated = run(Map.of(), "plan", PLANS.resolve("truncated.plan.json").toString());
        assertThat(truncated.exit()).isEqualTo(1);
        assertThat(truncated.err()).contains("ends too early").contains("never allowed").doesNotContain("Exception");
        Result version = run(Map.of(), "plan", "--github", PLANS.resolve("unknown-format-version.plan.json").toString());
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.out()).startsWith("::error title=Interlock::cannot read the plan: Terraform plan format_version 2.0");
        Result missing = run(Map.of(), "plan", "/no/such/plan.json");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file: /no/such/plan.json");
        Result usage = run(Map.of(), "plan", "--format", "yaml", "x.json");
        assertThat(usage.exit()).isEqualTo(2);
    }

    @Test
    void execAppliesExactlyTheCheckedPlanWhenItIsAllowed(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("envs/dev"));
        Path log = dir.resolve("terraform.log");
        Result r = run(terraform(PLANS.resolve("dev-harmless.plan.json"), log), "exec", "--", "terraform", "-chdir=" + config,
                "apply", "-auto-approve", "-var", "size=2", "-input=false");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("plan -input=false -var size=2 -out=").doesNotContain("auto-approve"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("show -json "));
        String planned = lines.stream().filter(l -> l.startsWith("plan ")).findFirst().orElseThrow();
        String file = planned.substring(planned.indexOf("-out=") + 5);
        assertThat(lines).last().asString().startsWith("apply ").endsWith("-input=false " + file);
        assertThat(Path.of(file)).as("the plan file Interlock made is removed").doesNotExist();
        assertThat(r.err()).contains("ALLOW").contains("applying exactly the checked plan sha256:");
    }

    @Test
    void execAppliesNothingThePolicyDoesNotAllow(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("terraform.log");
        Result deny = run(terraform(PLANS.resolve("replace-db-prod.plan.json"), log), "exec", "--", "terraform", "-chdir=" + dir,
                "apply", "-auto-approve");
        assertThat(deny.exit()).as(deny.err()).isEqualTo(12);
        assertThat(deny.err()).contains("plans-never-destroy-data-in-prod").contains("not run");
        assertThat(Files.readAllLines(log)).noneSatisfy(l -> assertThat(l).startsWith("apply"));

        Files.delete(log);
        Result held = run(terraform(PLANS.resolve("moved-block.plan.json"), log), "exec", "--", "terraform", "apply");
        assertThat(held.exit()).isEqualTo(11);
        assertThat(held.err()).contains("approvals need a server");
        assertThat(Files.readAllLines(log)).noneSatisfy(l -> assertThat(l).startsWith("apply"));

        Files.delete(log);
        Result broken = run(terraform(PLANS.resolve("truncated.plan.json"), log), "exec", "--", "terraform", "apply");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("the plan cannot be read").contains("nothing was applied");
        assertThat(Files.readAllLines(log)).noneSatisfy(l -> assertThat(l).startsWith("apply"));
    }

    @Test
    void aSavedPlanIsReadAndAppliedAsItIs(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("dev.tfplan");
        Files.copy(PLANS.resolve("dev-harmless.plan.json"), saved);
        Path log = dir.resolve("terraform.log");
        Result r = run(terraform(PLANS.resolve("replace-db-prod.plan.json"), log), "exec", "--", "terraform", "apply", saved.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("show -json " + saved,
                "apply " + sha16(saved) + " " + saved);
    }

    @Test
    void kubectlReadsTheManifestsItIsGiven(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.yaml"), "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: orders-data\n");
        Result deny = run(Map.of(), "check", "--cwd", dir.toString(), "--env", "prod", "--", "kubectl", "delete", "-f", "data.yaml", "-n", "orders");
        assertThat(deny.exit()).as(deny.out() + deny.err()).isEqualTo(12);
        assertThat(deny.out()).contains("PersistentVolumeClaim/orders-data").contains("from data.yaml").contains("plans-never-destroy-data-in-prod");
        Result unread = run(Map.of(), "check", "--cwd", dir.toString(), "--env", "prod", "--", "kubectl", "delete", "-f", "absent.yaml");
        assertThat(unread.exit()).as("a file that is not there is judged as before").isEqualTo(11);
    }

    @Test
    void scriptsMakefilesAndSqlFilesTheCommandNamesAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Makefile"), "test:\n\tgo test ./...\n\nteardown:\n\tkubectl --context prod-eu delete ns payments\n");
        Files.writeString(dir.resolve("wipe.sh"), "#!/bin/sh\nrm -rf /var/lib/postgresql\n");
        Files.writeString(dir.resolve("daily.sql"), "SELECT count(*) FROM orders;\n");
        Files.writeString(dir.resolve("drop.sql"), "DROP TABLE orders;\n");
        Result test = run(Map.of(), "check", "--cwd", dir.toString(), "--env", "prod", "--", "make", "test");
        assertThat(test.exit()).as("the recipe of the target asked for is all that runs: " + test.out()).isEqualTo(0);
        Result teardown = run(Map.of(), "check", "--cwd", dir.toString(), "--", "make", "teardown");
        assertThat(teardown.exit()).as(teardown.out()).isEqualTo(12);
        assertThat(teardown.out()).contains("payments");
        Result wipe = run(Map.of(), "check", "--cwd", dir.toString(), "--", "bash", "wipe.sh");
        assertThat(wipe.exit()).as(wipe.out()).isEqualTo(12);
        assertThat(run(Map.of(), "check", "--cwd", dir.toString(), "--env", "prod", "--", "psql", "-h", "orders-db", "-f", "daily.sql").exit())
                .isEqualTo(0);
        Result drop = run(Map.of(), "check", "--cwd", dir.toString(), "--env", "prod", "--", "psql", "-h", "orders-db", "-f", "drop.sql");
        assertThat(drop.exit()).as(drop.out()).isNotZero();
        assertThat(drop.out()).contains("orders");
    }

    static Map<String, String> terraform(Path plan, Path log) {
        Map<String, String> env = new HashMap<>();
        env.put("FAKE_TF_PLAN", plan.toString());
        env.put("FAKE_TF_LOG", log.toString());
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    static String sha16(Path file) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return withStdin("", env, args);
    }

    static Result withStdin(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("interlock").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER") || k.equals("KUBECONFIG")
                || k.startsWith("TF_") || k.equals("GITHUB_STEP_SUMMARY"));
        e.put("HOME", ROOT.resolve("interlock-cli/target").toString());
        e.putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }
}
