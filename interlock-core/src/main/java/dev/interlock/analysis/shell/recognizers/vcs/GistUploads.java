package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gh gist create FILE…}: a gist is on GitHub for anyone who has its link, and listed with {@code --public}. A
 * notebook (its outputs hold the rows and charts it ran on) or a data file (a table kept as a file, a dump, a database
 * file) put there is data leaving this machine; code and notes are judged as before. Secret files are a transfer of
 * credentials, seen where the shell's flows are.
 */
public final class GistUploads {

    private GistUploads() {
    }

    private static final Set<String> VALUED = Set.of("-d", "--desc", "-f", "--filename", "-R", "--repo");

    /** The upload of the first notebook or data file the command puts in a gist, if it puts one there. */
    public static Optional<Operation> github(Invocation inv) {
        List<String> words = inv.parse(VALUED).words();
        if (words.size() < 3 || !words.get(0).equals("gist") || !words.get(1).equals("create")) {
            return Optional.empty();
        }
        return words.subList(2, words.size()).stream()
                .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".ipynb") || DatabaseOps.holdsDataCopy(f)).findFirst()
                .map(f -> NetworkRecognizer.exfiltration("file", inv.workspace().resolve(f) + " in a gist", "gist.github.com",
                        inv.evidence(), Map.of()));
    }
}
