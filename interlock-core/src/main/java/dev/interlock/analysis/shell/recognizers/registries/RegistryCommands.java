package dev.interlock.analysis.shell.recognizers.registries;

import dev.interlock.analysis.shell.recognizers.CommandTable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry clients' commands as tables: each command's {@link Role}. Reads look at the image they name (a read
 * from prod is allowed); writes change the image a tag flag or their first image names; copies write their second
 * operand; deletes lose what they name.
 */
final class RegistryCommands {

    /** What a command does, and which image on its command line it acts on. */
    enum Role {
        /** Looks at the first image it names: lists, digests, manifests, referrers, verification, pulls. */
        READ,
        /** Writes the image its tag flag names, else the first image it names: tag, mutate, push, attach, sign. */
        WRITE,
        /** Copies its first operand to its last: the destination is written, the source only read. */
        COPY,
        /** Reads the image it names into a file or directory on this machine (its output flag, else its last operand). */
        SAVE,
        /** Deletes the tag, manifest, blob or signatures it names. */
        DELETE,
        /** Prints a credential for the registry it names. */
        CREDENTIAL,
        /** Stores or forgets a login on this machine. */
        LOGIN,
        /** Works on this machine only: keys, trust stores and policies, signatures of local files, versions. */
        LOCAL
    }

    /** A command found in a table, and how many positionals its name took. */
    record Command(String name, Role role, int words) {
    }

    /** The table of {@code docker buildx imagetools}, which the docker recognizer hands over. */
    static final String IMAGETOOLS = "docker buildx imagetools";

    private static final Map<String, Map<String, Role>> TABLES = new HashMap<>();

    static {
        table("crane")
                .words(Role.READ, "ls catalog digest manifest config blob validate")
                .words(Role.WRITE, "tag mutate append flatten rebase edit")
                .commands(Role.WRITE, "index append", "index filter")
                .words(Role.COPY, "copy cp push")
                .words(Role.SAVE, "pull export")
                .words(Role.DELETE, "delete")
                .commands(Role.CREDENTIAL, "auth get", "auth token")
                .commands(Role.LOGIN, "auth login", "auth logout")
                .words(Role.LOCAL, "version completion help");
        table("skopeo")
                .words(Role.READ, "inspect list-tags layers")
                .words(Role.COPY, "copy sync")
                .words(Role.DELETE, "delete")
                .words(Role.LOGIN, "login logout")
                .words(Role.LOCAL, "manifest-digest standalone-sign standalone-verify generate-sigstore-key help version");
        table("regctl")
                .commands(Role.READ, "image digest", "image inspect", "image manifest", "image config",
                        "image get-file", "image ratelimit", "image check-base", "manifest get", "manifest head",
                        "manifest diff", "blob get", "blob head", "blob diff-config", "blob diff-layer", "repo ls",
                        "tag ls", "artifact get", "artifact list", "artifact ls", "artifact tree", "index get",
                        "registry whoami")
                .commands(Role.WRITE, "image mod", "image import", "image create", "manifest put", "blob put",
                        "artifact put", "index create", "index add", "index delete")
                .commands(Role.COPY, "image copy", "image cp", "blob copy", "blob cp")
                .commands(Role.SAVE, "image export")
                .commands(Role.DELETE, "image delete", "image rm", "manifest delete", "manifest rm", "tag delete",
                        "tag rm", "blob delete", "blob rm")
                .commands(Role.LOGIN, "registry login", "registry logout", "registry set")
                .words(Role.LOCAL, "version help completion")
                .commands(Role.LOCAL, "registry config");
        table("oras")
                .words(Role.READ, "discover resolve")
                .commands(Role.READ, "repo ls", "repo list", "repo tags", "repo show-tags", "manifest fetch",
                        "manifest fetch-config", "blob fetch")
                .words(Role.SAVE, "pull backup")
                .words(Role.WRITE, "push attach tag restore")
                .commands(Role.WRITE, "manifest push", "blob push", "manifest index create", "manifest index update")
                .words(Role.COPY, "copy cp")
                .commands(Role.DELETE, "manifest delete", "blob delete")
                .words(Role.LOGIN, "login logout")
                .words(Role.LOCAL, "version help completion");
        table("cosign")
                .words(Role.READ, "verify verify-attestation download tree triangulate")
                .commands(Role.READ, "manifest verify", "dockerfile verify")
                .words(Role.SAVE, "save")
                .words(Role.WRITE, "sign attest load attach upload")
                .words(Role.COPY, "copy")
                .words(Role.DELETE, "clean")
                .words(Role.LOGIN, "login")
                .words(Role.LOCAL, "sign-blob attest-blob verify-blob verify-blob-attestation bundle initialize "
                        + "import-key-pair generate-key-pair public-key generate version env completion help");
        table("notation")
                .words(Role.READ, "verify inspect list ls")
                .words(Role.WRITE, "sign")
                .words(Role.LOGIN, "login logout")
                // signatures of local files, the trust store, keys, plugins and trust policies live on this machine
                .words(Role.LOCAL, "blob cert key plugin policy version help");
        // buildah works in this machine's image store; push (and commit to a docker:// name) reach a registry
        table("buildah")
                .words(Role.READ, "pull")
                .words(Role.COPY, "push")
                .commands(Role.COPY, "manifest push")
                .words(Role.LOGIN, "login logout")
                .words(Role.LOCAL, "add build bud build-using-dockerfile commit config containers copy from images info "
                        + "inspect manifest mkcw mount prune rename rm rmi run source tag umount unmount unshare version help");
        // docker buildx imagetools: create pushes an index assembled from images under each -t
        table(IMAGETOOLS)
                .words(Role.READ, "inspect")
                .words(Role.WRITE, "create");
    }

    private RegistryCommands() {
    }

    static Set<String> programs() {
        return Set.of("crane", "skopeo", "regctl", "oras", "cosign", "notation", "buildah");
    }

    /**
     * The longest command the first positionals name; one no table lists is judged by its own word
     * ({@link CommandTable#guess}): deleting words delete, reading words read, anything else writes.
     */
    static Command find(String program, List<String> positionals) {
        Map<String, Role> rows = TABLES.getOrDefault(program, Map.of());
        for (int n = Math.min(3, positionals.size()); n > 0; n--) {
            String name = String.join(" ", positionals.subList(0, n)).toLowerCase(Locale.ROOT);
            Role role = rows.get(name);
            if (role != null) {
                return new Command(name, role, n);
            }
        }
        String word = positionals.isEmpty() ? "" : positionals.getFirst();
        Role guessed = switch (CommandTable.guess(word, "image").verb()) {
            case DELETE -> Role.DELETE;
            case READ -> Role.READ;
            default -> Role.WRITE;
        };
        return new Command(word, positionals.isEmpty() ? Role.READ : guessed, positionals.isEmpty() ? 0 : 1);
    }

    private static Rows table(String program) {
        return new Rows(TABLES.computeIfAbsent(program, k -> new HashMap<>()));
    }

    /** Adds rows to one program's table. */
    private record Rows(Map<String, Role> rows) {

        /** One-word commands, space-separated. */
        Rows words(Role role, String words) {
            for (String word : words.split(" ")) {
                rows.put(word, role);
            }
            return this;
        }

        /** Commands of several words ({@code auth get}, {@code manifest index create}). */
        Rows commands(Role role, String... commands) {
            for (String command : commands) {
                rows.put(command, role);
            }
            return this;
        }
    }
}
