package dev.interlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code terraform|tofu [-chdir=DIR] apply [flags] [PLANFILE]} taken apart so that {@code interlock exec} can apply
 * exactly what it checked: plan to a file Interlock owns (or take the saved plan given), read it with
 * {@code show -json}, and apply only that file.
 *
 * @param program   the terraform or tofu executable as given
 * @param global    global options before the subcommand ({@code -chdir=DIR})
 * @param planFlags the apply flags that shape the plan ({@code -var}, {@code -target}, {@code -destroy}, …)
 * @param runFlags  the flags a saved-plan apply still takes ({@code -input}, {@code -lock}, {@code -parallelism}, …)
 * @param savedPlan the plan file the user named, if any
 */
record CheckedApply(String program, List<String> global, List<String> planFlags, List<String> runFlags, Optional<String> savedPlan) {

    private static final Set<String> PROGRAMS = Set.of("terraform", "tofu");
    /** What {@code apply PLANFILE} still accepts; everything else shaped the plan and is already in it. */
    private static final Set<String> RUN_FLAGS = Set.of("-input", "-lock", "-lock-timeout", "-parallelism", "-no-color",
            "-compact-warnings", "-json", "-state", "-state-out", "-backup");
    /** Flags of {@code apply} that take the next word as their value when written without {@code =}. */
    private static final Set<String> VALUED = Set.of("-var", "-var-file", "-target", "-replace", "-lock-timeout",
            "-parallelism", "-state", "-state-out", "-backup", "-exclude");

    /** The parts of an apply command line, or empty when {@code argv} is not a terraform/tofu apply. */
    static Optional<CheckedApply> of(List<String> argv) {
        if (argv.isEmpty() || !PROGRAMS.contains(Path.of(argv.getFirst()).getFileName().toString())) {
            return Optional.empty();
        }
        int i = 1;
        List<String> global = new ArrayList<>();
        while (i < argv.size() && argv.get(i).startsWith("-")) {
            global.add(argv.get(i++));
        }
        if (i >= argv.size() || !argv.get(i).equals("apply")) {
            return Optional.empty();
        }
        List<String> plan = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Optional<String> saved = Optional.empty();
        for (i = i + 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-")) {
                if (saved.isPresent()) {
                    return Optional.empty();
                }
                saved = Optional.of(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            name = name.startsWith("--") ? name.substring(1) : name;
            List<String> words = new ArrayList<>(List.of(a));
            if (!a.contains("=") && VALUED.contains(name) && i + 1 < argv.size()) {
                words.add(argv.get(++i));
            }
            if (name.equals("-auto-approve")) {
                continue;
            }
            (RUN_FLAGS.contains(name) ? run : plan).addAll(words);
            if (name.equals("-input") || name.equals("-lock") || name.equals("-lock-timeout") || name.equals("-no-color")) {
                plan.addAll(words);
            }
        }
        return Optional.of(new CheckedApply(argv.getFirst(), global, plan, run, saved));
    }

    List<String> planCommand(Path out) {
        List<String> c = new ArrayList<>(List.of(program));
        c.addAll(global);
        c.add("plan");
        c.add("-input=false");
        c.addAll(planFlags.stream().filter(f -> !f.startsWith("-input")).toList());
        c.add("-out=" + out);
        return c;
    }

    List<String> showCommand(String planFile) {
        List<String> c = new ArrayList<>(List.of(program));
        c.addAll(global);
        c.addAll(List.of("show", "-json", planFile));
        return c;
    }

    /** A saved plan applies without a prompt; nothing but the file decides what it does. */
    List<String> applyCommand(String planFile) {
        List<String> c = new ArrayList<>(List.of(program));
        c.addAll(global);
        c.add("apply");
        c.addAll(runFlags);
        c.add(planFile);
        return c;
    }

    /** The directory terraform runs in: {@code -chdir=DIR} relative to {@code cwd}. */
    String directory(String cwd) {
        for (String g : global) {
            if (g.startsWith("-chdir=")) {
                return Path.of(cwd).resolve(g.substring("-chdir=".length())).normalize().toString();
            }
        }
        return cwd;
    }
}
