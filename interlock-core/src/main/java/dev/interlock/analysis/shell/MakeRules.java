package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Enough of a makefile to know what a target runs: rules ({@code target: prerequisites ; recipe} and tab-indented
 * recipe lines), the prerequisites they pull in, and {@code $(shell …)} calls that run whatever the target. Recipe
 * prefixes ({@code @}, {@code -}, {@code +}) are dropped and {@code $$} is the shell's {@code $}.
 */
public final class MakeRules {

    /** make's options that always take a value: {@code -f Makefile.prod} names a file, {@code -C infra} a directory. */
    public static final Set<String> VALUED = Set.of("-f", "--file", "--makefile", "-C", "--directory", "-I",
            "--include-dir", "-o", "--old-file", "-W", "--what-if", "--new-file", "--assume-new");
    /** make's options that take no value, which may be bundled ({@code -kn}). */
    private static final String BUNDLED_FLAGS = "bBdeiknpqrsStvw";

    /** True when make only prints the recipes' commands ({@code -n}, {@code --dry-run}, {@code --just-print}, {@code --recon}). */
    public static boolean dryRun(List<String> args) {
        for (String w : args) {
            if (w.equals("--dry-run") || w.equals("--just-print") || w.equals("--recon")
                    || w.length() > 1 && w.charAt(0) == '-' && w.charAt(1) != '-' && w.indexOf('n') > 0
                    && w.substring(1).chars().allMatch(c -> BUNDLED_FLAGS.indexOf(c) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static final int MAX_DEPTH = 8;

    /** Recipes by target, in file order, and the commands {@code $(shell …)} runs while the file is read. */
    record Makefile(Map<String, List<String>> recipes, Map<String, List<String>> prerequisites, List<String> always) {

        /** The recipes that run for {@code targets} (the first target when none is named), prerequisites first. */
        List<String> recipes(List<String> targets) {
            List<String> out = new ArrayList<>();
            List<String> asked = targets.isEmpty() ? recipes.keySet().stream().filter(t -> !t.startsWith(".")).limit(1).toList() : targets;
            Set<String> seen = new HashSet<>();
            for (String t : asked) {
                collect(t, 0, seen, out);
            }
            return out;
        }

        private void collect(String target, int depth, Set<String> seen, List<String> out) {
            if (depth > MAX_DEPTH || !seen.add(target)) {
                return;
            }
            for (String dep : prerequisites.getOrDefault(target, List.of())) {
                collect(dep, depth + 1, seen, out);
            }
            out.addAll(recipes.getOrDefault(target, List.of()));
        }
    }

    private MakeRules() {
    }

    /**
     * Every command a makefile can run: the recipes of all its targets and its {@code $(shell …)} calls. What a file
     * written now stages for whichever {@code make TARGET} comes next.
     */
    public static List<String> commands(String text) {
        // an edit's fragment may be recipe lines alone: they belong to a target all the same
        Makefile m = parse("interlock-fragment:\n" + text);
        List<String> out = new ArrayList<>(m.always());
        m.recipes().values().forEach(out::addAll);
        return out;
    }

    static Makefile parse(String text) {
        Map<String, List<String>> recipes = new LinkedHashMap<>();
        Map<String, List<String>> prerequisites = new LinkedHashMap<>();
        List<String> always = new ArrayList<>();
        List<String> current = List.of();
        for (String raw : text.replace("\\\n", " ").split("\n")) {
            if (raw.startsWith("\t")) {
                for (String target : current) {
                    recipes.computeIfAbsent(target, k -> new ArrayList<>()).add(command(raw.substring(1)));
                }
                continue;
            }
            String line = raw.strip();
            Matcher shell = Regex.pattern("\\$[({]shell\\s+([^)}]*)[)}]").matcher(line);
            while (shell.find()) {
                always.add(shell.group(1).replace("$$", "$"));
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher rule = Regex.pattern("^([^:=#\\t]+?)\\s*::?(?!=)([^;]*)(?:;(.*))?$").matcher(line);
            if (rule.matches()) {
                current = List.of(Regex.split(rule.group(1).strip(), "\\s+"));
                for (String target : current) {
                    recipes.computeIfAbsent(target, k -> new ArrayList<>());
                    prerequisites.computeIfAbsent(target, k -> new ArrayList<>())
                            .addAll(List.of(Regex.split(rule.group(2).replaceAll("\\|", " ").strip(), "\\s+")).stream()
                                    .filter(s -> !s.isEmpty()).toList());
                    if (rule.group(3) != null && !rule.group(3).isBlank()) {
                        recipes.get(target).add(command(rule.group(3)));
                    }
                }
            } else if (!line.contains("=")) {
                current = List.of();
            }
        }
        return new Makefile(recipes, prerequisites, always);
    }

    private static String command(String recipe) {
        return Regex.replaceFirst(recipe.strip(), "^[@+-]+", "").replace("$$", "$");
    }
}
