package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Volumes and disk images the line itself creates, then formats: {@code lvcreate -n scratch vg0 && mkfs.ext4
 * /dev/vg0/scratch}, {@code truncate -s 1G disk.img && mkfs.ext4 disk.img}. Writing over a device or image that did
 * not exist before the line ran loses nothing, so the format is the last step of a create, not the replace of a disk.
 * The environment still decides the create; a device the line did not create keeps its replace.
 */
final class NewVolumes {

    /** Created device and image paths, each keyed by the host it is on ({@code ""} for this machine). */
    private final Set<String> created = new HashSet<>();

    private static final Set<String> WRAPPERS = Set.of("sudo", "doas", "run0", "env", "command", "exec", "nohup", "time");
    private static final Set<String> IMAGE_MAKERS = Set.of("truncate", "fallocate", "qemu-img", "dd");
    /** Where dd reads nothing but filler: its output is a new image, not a copy of data. */
    private static final Set<String> FILLERS = Set.of("/dev/zero", "/dev/urandom", "/dev/random");
    /** fallocate's modes that change an existing file's contents instead of reserving space for a new one. */
    private static final Set<String> FALLOCATE_EDITS = Set.of("-p", "--punch-hole", "-c", "--collapse-range", "-z",
            "--zero-range", "-d", "--dig-holes", "-i", "--insert-range");

    /**
     * After a command ran: remembers what it created. A new logical volume is named by its recognizer's operation
     * (with the device-mapper twin of its path); an image file by the command's literal words.
     */
    void observe(List<Arg> words, List<Operation> produced, ShellWalk walk) {
        for (Operation op : produced) {
            String path = op.resource().locator("path");
            if (op.verb() == Verb.CREATE && op.system().equals("os") && op.resource().type().equals("volume") && !path.isEmpty()) {
                String host = op.resource().locator("host");
                created.add(key(host, path));
                String[] lv = op.resource().name().split("/", 2);
                if (lv.length == 2) {
                    // device-mapper doubles the dashes inside each name: vg0/my-lv is /dev/mapper/vg0-my--lv
                    created.add(key(host, "/dev/mapper/" + lv[0].replace("-", "--") + "-" + lv[1].replace("-", "--")));
                }
            }
        }
        image(words).ifPresent(file -> created.add(key(walk.locators.getOrDefault("host", ""), walk.workspace.resolve(file))));
    }

    /** Turns the replace of a device or file this line created, among {@code ops[from..]}, into a create. */
    void formatted(List<Operation> ops, int from) {
        if (created.isEmpty()) {
            return;
        }
        for (int i = Math.min(from, ops.size()); i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.verb() == Verb.REPLACE && op.system().equals("filesystem")
                    && Set.of("device", "file").contains(op.resource().type())
                    && created.contains(key(op.resource().locator("host"), op.resource().locator("path")))) {
                ops.set(i, op.toBuilder().verb(Verb.CREATE).scope(Scope.ONE).stateful(false).reversible(true)
                        .note(op.resource().name() + " was created earlier in this line: writing over it loses nothing")
                        .build());
            }
        }
    }

    private static String key(String host, String path) {
        return host + "\u0000" + path;
    }

    /**
     * The image file a command makes: {@code truncate -s 1G F}, {@code fallocate -l 1G F}, {@code qemu-img create F 1G},
     * {@code dd if=/dev/zero of=F}. Only literal words count.
     */
    private static Optional<String> image(List<Arg> words) {
        int start = 0;
        while (start < words.size() && (WRAPPERS.contains(words.get(start).value()) || start > 0 && words.get(start).value().startsWith("-"))) {
            start++;
        }
        if (start >= words.size()) {
            return Optional.empty();
        }
        String program = words.get(start).value().substring(words.get(start).value().lastIndexOf('/') + 1);
        if (!IMAGE_MAKERS.contains(program) || !words.stream().allMatch(Arg::literal)) {
            return Optional.empty();
        }
        List<Arg> rest = words.subList(start + 1, words.size());
        switch (program) {
            case "truncate" -> {
                ParsedArgs args = ParsedArgs.parse(rest, Set.of("-s", "--size", "-r", "--reference"));
                boolean sized = args.value("-s", "--size").filter(v -> Regex.matches(v, "\\d+[KMGTPE]?(i?B)?")).isPresent();
                return sized && args.positionals().size() == 1 ? Optional.of(args.positionals().getFirst().value()) : Optional.empty();
            }
            case "fallocate" -> {
                ParsedArgs args = ParsedArgs.parse(rest, Set.of("-l", "--length", "-o", "--offset"));
                boolean reserves = args.value("-l", "--length").isPresent() && FALLOCATE_EDITS.stream().noneMatch(args::has);
                return reserves && args.positionals().size() == 1 ? Optional.of(args.positionals().getFirst().value()) : Optional.empty();
            }
            case "qemu-img" -> {
                ParsedArgs args = ParsedArgs.parse(rest, Set.of("-f", "-o", "-b", "-F", "--object"));
                List<Arg> p = args.positionals();
                return p.size() >= 2 && p.getFirst().value().equals("create") ? Optional.of(p.get(1).value()) : Optional.empty();
            }
            default -> {
                boolean filler = rest.stream().anyMatch(a -> a.value().startsWith("if=") && FILLERS.contains(a.value().substring(3)));
                return filler ? rest.stream().map(Arg::value).filter(v -> v.startsWith("of=") && !v.startsWith("of=/dev/"))
                        .map(v -> v.substring(3)).findFirst() : Optional.empty();
            }
        }
    }
}
