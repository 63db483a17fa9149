package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A build tool's clean in the same command line ({@code go clean -cache && rm -rf ./bin ./vendor}, {@code mvn clean;
 * rm -rf target}) says what kind of project the workspace is, and so which of its directories are that ecosystem's
 * build output: Go's {@code bin} and {@code vendor}, Cargo's and Maven's {@code target}, a JavaScript bundler's
 * {@code dist}. Those, deleted in the workspace beside the clean, are regenerable; the same {@code rm -rf ./bin} alone
 * keeps its judgement ({@code bin} may hold scripts), and a directory that is not the ecosystem's output keeps its own.
 */
public final class CleanedBuildOutput {

    /** Build tool → the workspace directories its builds (or dependency fetches) write again. */
    private static final Map<String, Set<String>> OUTPUTS = Map.ofEntries(
            Map.entry("go", Set.of("bin", "vendor")),
            Map.entry("cargo", Set.of("target")),
            Map.entry("mvn", Set.of("target")),
            Map.entry("sbt", Set.of("target", "project/target")),
            Map.entry("lein", Set.of("target")),
            Map.entry("gradle", Set.of("build", "out", "bin")),
            Map.entry("npm", Set.of("dist", "build", "out")),
            Map.entry("yarn", Set.of("dist", "build", "out")),
            Map.entry("pnpm", Set.of("dist", "build", "out")),
            Map.entry("bun", Set.of("dist", "build", "out")),
            Map.entry("dotnet", Set.of("bin", "obj")),
            Map.entry("composer", Set.of("vendor")),
            Map.entry("mix", Set.of("_build", "deps")),
            Map.entry("rebar3", Set.of("_build")),
            Map.entry("dune", Set.of("_build")),
            Map.entry("zig", Set.of("zig-out", ".zig-cache")),
            Map.entry("make", Set.of("bin", "build", "out", "dist")));
    /** Wrapper scripts and their tool. */
    private static final Map<String, String> WRAPPERS = Map.of("mvnw", "mvn", "gradlew", "gradle", "gmake", "make");
    private static final Set<String> CLEAN = Set.of("clean", "clobber", "distclean", "clean-all", "cleanall");

    private CleanedBuildOutput() {
    }

    /** The line's operations, the cleaned ecosystems' output directories deleted in the workspace marked regenerable. */
    public static List<Operation> of(List<Operation> ops) {
        Set<String> outputs = null;
        for (Operation op : ops) {
            String tool = cleaningTool(op);
            if (tool != null) {
                outputs = outputs == null ? new HashSet<>() : outputs;
                outputs.addAll(OUTPUTS.get(tool));
            }
        }
        if (outputs == null) {
            return ops; // the usual case: no build tool cleaned, nothing copied
        }
        List<Operation> out = new java.util.ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(output(op, outputs) ? op.toBuilder().stateful(false).reversible(true)
                    .note(op.note().isEmpty() ? "build output of the project the line cleans"
                            : op.note() + "; build output of the project the line cleans").build() : op);
        }
        return out;
    }

    /** The build tool {@code op} runs a clean of ({@code go clean}, {@code mvn clean}, {@code npm run clean}), or null. */
    private static String cleaningTool(Operation op) {
        boolean cleanOutput = op.system().equals("filesystem") && op.verb() == Verb.DELETE && op.resource().type().equals("build-output");
        boolean run = op.system().equals("process") && op.verb() == Verb.EXECUTE && op.resource().type().equals("process");
        if (!cleanOutput && !run || op.resource().locators().containsKey("host")) {
            return null;
        }
        String[] words = op.resource().name().split(" ");
        String program = words[0].substring(words[0].lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        program = WRAPPERS.getOrDefault(program, program);
        if (!OUTPUTS.containsKey(program)) {
            return null;
        }
        if (cleanOutput) {
            return program;
        }
        for (int i = 1; i < words.length; i++) {
            if (CLEAN.contains(words[i])) {
                return program;
            }
        }
        return null;
    }

    /** A delete in the workspace on this machine of one of {@code outputs}, named relative to it. */
    private static boolean output(Operation op, Set<String> outputs) {
        if (op.verb() != Verb.DELETE || !op.system().equals("filesystem") || op.reversible()) {
            return false;
        }
        Map<String, String> locators = op.resource().locators();
        String path = locators.getOrDefault("path", "");
        if (!"workspace".equals(locators.get("area")) || locators.containsKey("host") || path.contains("*")) {
            return false;
        }
        // as written: ./bin, target/, services/api/dist; not one below the sources (src/bin/*.rs is Rust code)
        String written = op.resource().name().replaceFirst("^(\\./)+", "").replaceFirst("/+$", "");
        if (written.startsWith("/") || written.startsWith("~") || written.contains("..") || written.startsWith("src/")
                || written.contains("/src/")) {
            return false;
        }
        for (String dir : outputs) {
            if (path.endsWith("/" + dir) && (written.equals(dir) || written.endsWith("/" + dir))) {
                return true;
            }
        }
        return false;
    }
}
