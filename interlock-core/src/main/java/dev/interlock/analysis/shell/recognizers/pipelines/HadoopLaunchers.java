package dev.interlock.analysis.shell.recognizers.pipelines;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Hadoop's launchers ({@code yarn}, {@code hdfs}, {@code hadoop}, {@code mapred}) share: their own options before
 * the subcommand, a subcommand that says what it does with an option ({@code -kill ID}, {@code -rm -r PATH}), and a
 * cluster named by the configuration directory ({@code --config /etc/hadoop/conf.prod}, {@code HADOOP_CONF_DIR}) or by
 * an {@code hdfs://} address on the command line.
 */
final class HadoopLaunchers {

    private HadoopLaunchers() {
    }

    /** Options of the launchers themselves, before the subcommand, that take a value. */
    private static final Set<String> LAUNCHER_VALUED = Set.of("--config", "--loglevel", "--hosts", "--hostnames", "--workers");

    /** The act an option names, and its operand (an application id, a path). */
    record Action(CommandTable.Act act, String name) {
    }

    /** The words after the launcher's own options ({@code yarn --config /etc/hadoop/prod application …}). */
    static List<String> afterLauncher(List<String> words) {
        int i = 0;
        while (i < words.size() && words.get(i).startsWith("--")) {
            i += LAUNCHER_VALUED.contains(words.get(i)) ? 2 : 1;
        }
        return i < words.size() ? words.subList(i, words.size()) : List.of();
    }

    /**
     * The first option of {@code sub} the table has a row for ({@code sub option}), with the word after it; else the
     * subcommand's own row, else {@code fallback}.
     */
    static Action action(CommandTable table, String sub, List<String> words, CommandTable.Act fallback) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                continue;
            }
            String bare = w.replaceFirst("^-+", "").replaceFirst("=.*$", "").toLowerCase(Locale.ROOT);
            // a subcommand alone is a row too: only a row for this option counts
            var found = table.find(List.of(sub, bare)).filter(f -> f.words() == 2);
            if (found.isPresent()) {
                int at = i + 1;
                while (at < words.size() && words.get(at).startsWith("-")) {
                    at++; // -rm -r -skipTrash PATH: the operand is after the option's own flags
                }
                String name = w.contains("=") ? w.substring(w.indexOf('=') + 1) : at < words.size() ? words.get(at) : "";
                return new Action(found.get().act(), name);
            }
        }
        return new Action(table.find(List.of(sub)).filter(f -> f.words() == 1).map(CommandTable.Found::act).orElse(fallback), "");
    }

    /** The operation with the cluster's locators: an {@code hdfs://} host, a configuration directory's environment. */
    static Operation.Builder located(Invocation inv, Operation.Builder b) {
        List<String> dirs = new ArrayList<>();
        List<String> words = inv.words();
        int at = words.indexOf("--config");
        if (at >= 0 && at + 1 < words.size()) {
            dirs.add(words.get(at + 1));
        }
        dirs.add(inv.env().getOrDefault("YARN_CONF_DIR", ""));
        dirs.add(inv.env().getOrDefault("HADOOP_CONF_DIR", ""));
        words.stream().map(w -> w.replaceFirst("^(-D)?fs\\.defaultFS=", "")).filter(w -> w.matches("(?i)(hdfs|webhdfs|viewfs)://.+"))
                .map(Hosts::of).filter(h -> !h.isEmpty()).findFirst().ifPresent(h -> b.locator("host", h));
        for (String dir : dirs) {
            for (String part : dir.split("[/._-]")) {
                if (!part.isEmpty() && DeploymentWords.named(part)) {
                    return b.locator("environment", part);
                }
            }
        }
        return b;
    }
}
