package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.analysis.plan.ManifestAction;
import dev.interlock.analysis.plan.PlanFormatException;
import dev.interlock.analysis.plan.Plans;
import dev.interlock.json.Json;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Plan;
import dev.interlock.model.RequestKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code interlock exec -- terraform apply …}: plan to a file Interlock owns, read it back with {@code show -json},
 * decide that plan (through the server when there is one, so the approval is bound to the plan's digest and shows its
 * blast radius), and apply exactly that file only if it is allowed or approved. Nothing is applied on any failure.
 */
final class CheckedApplyRun {

    /** The server takes requests up to 1 MiB; a plan document must leave room for the request around it. */
    private static final int MAX_SERVER_PLAN = (1 << 20) - 16 * 1024;

    private final ExecCommand exec;
    private final CheckedApply apply;
    private final PrintWriter err;

    CheckedApplyRun(ExecCommand exec, CheckedApply apply) {
        this.exec = exec;
        this.apply = apply;
        this.err = exec.spec.commandLine().getErr();
    }

    int run() {
        Path owned = null;
        try {
            String planFile;
            if (apply.savedPlan().isPresent()) {
                planFile = apply.savedPlan().get();
            } else {
                owned = Files.createTempFile("interlock-", ".tfplan");
                planFile = owned.toString();
                int planned = child(apply.planCommand(owned));
                if (planned != 0) {
                    return fail(apply.program() + " plan failed (exit " + planned + ")", planned);
                }
            }
            byte[] json = show(planFile);
            Plan plan = Plans.read(new ByteArrayInputStream(json), Optional.of(RequestKind.TERRAFORM_PLAN), ManifestAction.APPLY);
            String directory = apply.directory(ExecCommand.cwd());
            boolean remote = exec.server.named();
            ServerClient client = remote ? exec.server.client() : null;
            Verdict verdict = remote ? remote(client, json, plan, directory) : local(plan, directory);
            String file = planFile;
            return exec.act(verdict, remote, () -> {
                err.println("interlock exec: applying exactly the checked plan " + plan.digest());
                err.flush();
                return exec.run(client, verdict, apply.applyCommand(file));
            });
        } catch (PlanFormatException e) {
            return fail("the plan cannot be read: " + e.getMessage(), Main.INTERNAL_ERROR);
        } catch (IOException | RuntimeException e) {
            return fail(ExecCommand.message(e), Main.INTERNAL_ERROR);
        } finally {
            if (owned != null) {
                try {
                    Files.deleteIfExists(owned);
                } catch (IOException e) {
                    err.println("interlock exec: could not remove the plan file " + owned + ": " + e.getMessage());
                }
            }
        }
    }

    private Verdict local(Plan plan, String directory) {
        Decision d = exec.engine.build().decide(PlanRequests.request(plan, directory, exec.env, exec.environment, null,
                new Actor("", "", exec.session())));
        err.print(PlanReport.text(d, new TextRenderer(false)).lines().map(l -> "interlock exec: " + l + "\n").reduce("", String::concat));
        err.flush();
        return Verdict.of(d);
    }

    private Verdict remote(ServerClient client, byte[] json, Plan plan, String directory) throws IOException {
        if (json.length > MAX_SERVER_PLAN) {
            throw new IllegalStateException("the plan's JSON is " + (json.length >> 10) + " KiB and the server takes requests up to 1 MiB;"
                    + " plan a smaller part (-target) or decide it locally with interlock plan");
        }
        JsonNode document = Json.MAPPER.readTree(json);
        err.println("interlock exec: checking " + plan.describe() + " with the server");
        err.flush();
        return exec.remoteDecision(client, err, PlanRequests.body(document, plan.tool(), directory, exec.env, exec.environment,
                null, exec.session()));
    }

    /** {@code show -json} of the saved plan, captured; its stderr goes to ours. */
    private byte[] show(String planFile) throws IOException {
        List<String> command = apply.showCommand(planFile);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        int exit = waitFor(p);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + ")");
        }
        return out;
    }

    /** A step before the decision (plan): its output is the user's to see, on stderr so stdout stays the apply's. */
    private int child(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.to(devNullOrErr()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return waitFor(p);
    }

    private static java.io.File devNullOrErr() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/stderr");
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted while " + p.info().command().orElse("a child process") + " ran");
        }
    }

    private int fail(String why, int exit) {
        err.println("interlock exec: " + why + "; nothing was applied (fail closed)");
        err.flush();
        return exit;
    }
}
