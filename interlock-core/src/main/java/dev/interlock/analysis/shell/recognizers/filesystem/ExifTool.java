package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code exiftool}: reading metadata is a read of the files; a tag assignment ({@code -Artist=x}, {@code -all=},
 * {@code -TagsFromFile}, {@code -geotag}) rewrites them. Without {@code -overwrite_original} exiftool keeps the old file
 * as {@code FILE_original}; with it (or {@code -overwrite_original_in_place}, {@code -delete_original}) the old content
 * is gone. Output to another file ({@code -o}, {@code -w}, {@code -csv > x}) leaves the originals as they were.
 */
public final class ExifTool implements Recognizer {

    /** Options whose next word is a value, not a file. */
    private static final Set<String> VALUED = Set.of("-o", "-out", "-w", "-textout", "-tagsfromfile", "-ext", "-extension",
            "-if", "-p", "-printformat", "-d", "-dateformat", "-c", "-coordformat", "-charset", "-lang", "-sep", "-separator",
            "-api", "-userparam", "-x", "-exclude", "-config", "-geotag", "-globaltimeshift", "-srcfile", "-fileorder",
            "-i", "-ignore", "-@", "-w!", "-w+", "-execute", "-csvdelim", "-listitem", "-use", "-z");
    /** Options that write the files named, besides tag assignments. */
    private static final Set<String> WRITERS = Set.of("-tagsfromfile", "-geotag", "-overwrite_original",
            "-overwrite_original_in_place", "-delete_original", "-delete_original!", "-restore_original", "-all=");
    private static final Set<String> DISCARDS = Set.of("-overwrite_original", "-overwrite_original_in_place",
            "-delete_original", "-delete_original!");

    @Override
    public Set<String> programs() {
        return Set.of("exiftool");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> files = new ArrayList<>();
        boolean writes = false;
        boolean discards = false;
        boolean elsewhere = false;
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.startsWith("-") && lower.length() > 1) {
                if (lower.equals("-o") || lower.equals("-out") || lower.startsWith("-w")) {
                    elsewhere = true;
                }
                writes |= WRITERS.contains(lower) || !VALUED.contains(lower) && assignsTag(lower);
                discards |= DISCARDS.contains(lower);
                if (VALUED.contains(lower)) {
                    i++;
                }
            } else {
                files.add(w);
            }
        }
        if (!writes || elsewhere && !discards) {
            List<Operation> reads = files.stream().map(f -> LocalFiles.read(inv, f)).toList();
            return reads.isEmpty() ? List.of(LocalFiles.read(inv, "")) : reads;
        }
        boolean lost = discards;
        List<Operation> out = new ArrayList<>();
        for (String f : files.isEmpty() ? List.of("") : files) {
            boolean many = f.contains("*") || f.contains("?") || f.endsWith("/") || inv.words().contains("-r");
            out.add(LocalFiles.on(inv, Verb.UPDATE, many ? "directory" : "file", f)
                    .scope(many ? Scope.MANY : Scope.ONE).stateful(lost).reversible(!lost)
                    .note(lost ? "exiftool rewrites the files' metadata in place; the originals are not kept"
                            : "exiftool rewrites the files' metadata, keeping copies as FILE_original")
                    .build());
        }
        return out;
    }

    /** {@code -Artist=x}, {@code -all=}, {@code -GPS:all=}, {@code -Keywords+=x}, {@code -DateTimeOriginal-=1}. */
    private static boolean assignsTag(String option) {
        int eq = option.indexOf('=');
        return eq > 1 && option.substring(1, eq).matches("[a-z0-9:_*#+\\-]+");
    }
}
