package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.recognizers.filesystem.ArchiveExtractions;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.filesystem.ArchiveExtractions;
import dev.interlock.analysis.shell.recognizers.network.FileDrops;
import dev.interlock.analysis.shell.recognizers.network.SyncCopies;
import dev.interlock.analysis.shell.recognizers.packages.PackageSources;
import dev.interlock.analysis.shell.recognizers.packages.ProjectRuns;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback for programs no recognizer claims. Known harmless programs are reads (their arguments are data:
 * {@code echo "rm -rf /"} deletes nothing); build and dev tools run locally; an unfamiliar CLI is judged by its words:
 * a destructive subcommand or flag ({@code delete}, {@code purge}, {@code --drop}) makes a conservative delete on an
 * unknown environment, read-only words make a read, and anything else a local process run.
 */
public final class UnrecognizedProgram implements Recognizer {

    /** How many positionals can hold a subcommand; later ones are operands ({@code cogito ergo sum delete} is data). */
    private static final int SUBCOMMAND_DEPTH = 3;
    private static final Set<String> ALL_WORDS = Set.of("--all", "-a", "-A", "*", "all", "--everything", "--all-namespaces");
    /** Program-name parts and resource nouns that only look like a destructive verb glued to a noun. */
    private static final Set<String> NOUNS = Set.of("dropbox", "dropbear", "dropwizard", "dropzone", "dropdown", "removebg",
            "wipefs", "droplet", "droplets");

    /** Options whose value is a file the program writes. */
    private static final Set<String> OUTPUT_FLAGS = Set.of("-out", "-keyout", "--out", "-o", "--output", "--output-file",
            "--outfile", "-outfile");
    private static final Set<String> TAR_VALUED = Set.of("-f", "--file", "-C", "--directory", "-T", "--files-from", "-X",
            "--exclude-from", "-b", "--blocking-factor", "-I", "--use-compress-program", "--exclude", "-N", "--newer");
    /** The JDK's tools spell their version flag with one dash, next to the usual two. */
    private static final Set<String> VERSION_FLAGS = Set.of("--version", "-version", "-showversion", "--help", "-help", "-h");
    private static final Set<String> NOT_REALLY = Set.of("--dry-run", "--dryrun", "--help", "-h", "--version", "--what-if",
            "--whatif", "--check", "--noop", "--no-op", "--plan");

    @Override
    public Set<String> programs() {
        return Set.of();
    }

    /** ps's options that take a value: {@code -C postgres} names a command, not BSD options. */
    private static final Set<String> PS_VALUED = Set.of("-C", "-o", "-O", "-p", "-q", "-u", "-U", "-g", "-G", "-s", "-t",
            "--sort", "--format", "--pid", "--ppid", "--user", "--group", "--cols", "--columns", "--rows", "-k", "--pid=");

    /** BSD-style "e" among ps's option words ({@code ps eww}, {@code ps auxe}), not in the value of a dashed option. */
    private static boolean bsdEnvironment(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (PS_VALUED.contains(w)) {
                i++;
            } else if (!w.startsWith("-") && Regex.matches(w, "[aAcefhjlLmrSTuvwxXZ]*e[aAcefhjlLmrSTuvwxXZ]*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (program.equals("ps") && bsdEnvironment(inv.words())) {
            // BSD-style "e" (ps eww, ps auxe) prints every process's environment: tokens and keys included.
            return List.of(LocalFiles.local(inv, Operation.builder("process", Verb.CREDENTIAL).resource("environment", "all processes")
                    .evidence(inv.evidence()).note("prints the environment of every process, secrets included"), "processes on this machine").build());
        }
        if (program.equals("getent") && inv.words().stream().anyMatch(w -> w.equals("shadow") || w.equals("gshadow"))) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL).resource("file", "/etc/shadow")
                    .evidence(inv.evidence()).note("prints password hashes"), "this machine's accounts").build());
        }
        if (program.equals("journalctl") || program.equals("dmesg")) {
            // logs are read, unless vacuumed, rotated away or cleared
            String clearing = program.equals("dmesg") ? "-[a-zA-Z]*[cC][a-zA-Z]*|--clear|--read-clear" : "--vacuum-.*|--rotate|--flush|--relinquish-var";
            boolean clears = inv.words().stream().anyMatch(w -> Regex.matches(w, clearing));
            Operation.Builder b = Operation.builder("os", clears ? Verb.DELETE : Verb.READ).resource("logs", program)
                    .evidence(inv.evidence());
            return List.of(LocalFiles.local(inv, clears ? b.stateful(true).reversible(false).note(program + " deletes logs") : b,
                    "this machine's logs").build());
        }
        // yq -i, sd, prettier --write, kustomize edit: the files they rewrite say what is at stake
        List<Operation> rewritten = dev.interlock.analysis.shell.recognizers.editing.InPlaceEdits.rewrites(inv);
        if (!rewritten.isEmpty()) {
            return rewritten;
        }
        List<Operation> sources = PackageSources.of(inv);
        if (!sources.isEmpty()) {
            return sources;
        }
        List<Operation> installScripts = dev.interlock.analysis.shell.recognizers.packages.ProjectInstallScripts.of(inv, nested);
        if (!installScripts.isEmpty()) {
            return installScripts; // pip install . with the setup.py in view: what it runs decides
        }
        boolean builder = KnownPrograms.BUILDERS.contains(program);
        boolean reader = KnownPrograms.READERS.contains(program);
        boolean namesOnly = KnownPrograms.NAMES_ONLY.contains(program)
                || program.equals("openssl") && !inv.words().isEmpty() && OPENSSL_CERTIFICATES.contains(inv.words().getFirst());
        List<Operation> touched = builder ? List.of() : touchedFiles(inv, !reader, !namesOnly, KnownPrograms.PRINTERS.contains(program));
        if (!touched.isEmpty()) {
            return touched;
        }
        if (reader) {
            // tar -cf /dev/st0: the tape is overwritten; ssh host 'tar -czf - /srv/data': the host's files come out
            List<Operation> tape = inv.program().equals("tar") ? dev.interlock.analysis.shell.recognizers.backup.TapeDrives.tar(inv) : List.of();
            return tape.isEmpty() ? List.of(reader(inv)) : tape;
        }
        if (KnownPrograms.EDITORS.contains(program)) {
            return List.of(LocalFiles.execute(inv, program, "an editor"));
        }
        if (KnownPrograms.POWER.contains(program)) {
            return List.of(power(inv));
        }
        if (KnownPrograms.CREATORS.contains(program)) {
            return creators(inv);
        }
        if (KnownPrograms.BUILDERS.contains(program)) {
            return List.of(builder(inv));
        }
        return switch (program) {
            // kill and crontab are ServiceControlRecognizer's
            case "wormhole", "croc", "ffsend" -> List.of(FileDrops.of(inv));
            // tap-*, target-*: a family named by prefix, which no recognizer can claim by name
            default -> {
                if (dev.interlock.analysis.shell.recognizers.elt.Singer.claims(program)) {
                    yield dev.interlock.analysis.shell.recognizers.elt.Singer.recognize(inv);
                }
                List<Operation> ops = DataCopies.along(inv, HostingTargets.place(inv, unfamiliar(inv)));
                // ./scripts/deploy-prod.sh: a script named for deploying to a shared tier acts there
                yield ops.size() > 1 ? ops : DeploymentScripts.named(inv.program(), inv.program())
                        .map(b -> List.of(ops.getFirst(), b.evidence(inv.evidence()).build())).orElse(ops);
            }
        };
    }

    /**
     * Arguments that name secrets or Interlock's own files decide the matter whatever the program: reading a key is a
     * credential read, and a program that may write (anything but a known reader) on a protected file changes
     * Interlock. Secret variables expanded into arguments ({@code echo $GITHUB_TOKEN}) print secrets.
     */
    private static List<Operation> touchedFiles(Invocation inv, boolean mayWrite, boolean readsFiles, boolean prints) {
        List<Operation> ops = new ArrayList<>();
        String previous = "";
        Set<String> consumes = KnownPrograms.SECRET_CONSUMERS.getOrDefault(inv.program(), Set.of());
        for (Arg arg : inv.args()) {
            // openssl req -keyout dev.key, … -o out.pem: a file the program writes is not a secret it reads
            boolean written = OUTPUT_FLAGS.contains(previous) || arg.value().contains("=")
                    && OUTPUT_FLAGS.contains(arg.value().substring(0, arg.value().indexOf('=')));
            // openvpn --config client.ovpn: the program uses the key it is given and prints none of it
            boolean consumed = consumes.contains(previous)
                    || arg.value().contains("=") && consumes.contains(arg.value().substring(0, arg.value().indexOf('=')));
            previous = arg.value();
            String value = arg.value().startsWith("-") && arg.value().contains("=")
                    ? arg.value().substring(arg.value().indexOf('=') + 1) : arg.value();
            if (prints) {
                CredentialRecognizer.secretVariables(arg).forEach(name -> ops.add(CredentialRecognizer.secretVariable(inv, name)));
            }
            boolean pathLike = (value.contains("/") || value.contains(".")) && !value.contains("://")
                    && !value.startsWith("-") && value.chars().noneMatch(Character::isWhitespace);
            if (!pathLike) {
                continue;
            }
            String resolved = inv.workspace().resolve(value);
            if (mayWrite && SelfProtection.isProtectedPath(resolved, inv.workspace())) {
                ops.add(SelfProtectionRecognizer.protectedWrite(inv, value, inv.program() + " touches"));
            } else if (readsFiles && !written && !consumed && CredentialRecognizer.secret(inv, new Arg(value, arg.literal(), arg.glob(), arg.evidence()))) {
                ops.add(CredentialRecognizer.secretFile(inv, value));
            }
        }
        return ops;
    }

    private static Operation power(Invocation inv) {
        if (inv.words().contains("-c") || inv.words().contains("--help")) {
            return LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource("machine", "").evidence(inv.evidence()),
                    "this machine").build();
        }
        return LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource("machine", "").scope(Scope.ALL)
                .evidence(inv.evidence()).note("stops every process on this machine"), "this machine").build();
    }

    private static Operation reader(Invocation inv) {
        if (ArchiveExtractions.PROGRAMS.contains(inv.program())) {
            Optional<Operation> over = ArchiveExtractions.overSystem(inv);
            if (over.isPresent()) {
                return over.get();
            }
        }
        if (inv.program().equals("tar") && inv.words().contains("--remove-files")) {
            // tar --remove-files deletes what it archived (tar -cf /dev/null ~/Documents --remove-files)
            List<Arg> files = inv.parse(TAR_VALUED).positionals();
            if (!files.isEmpty() && !inv.args().getFirst().value().startsWith("-")
                    && Regex.matches(files.getFirst().value(), "[A-Za-z]+")) {
                // old-style keys (tar czf ARCHIVE FILES…): the letters, then the archive when f is among them
                int skip = files.getFirst().value().contains("f") ? 2 : 1;
                files = files.subList(Math.min(skip, files.size()), files.size());
            }
            String first = files.isEmpty() ? "" : files.getFirst().value();
            return LocalFiles.delete(inv, first, true, Confidence.INFERRED, "tar --remove-files deletes the files it archives");
        }
        if (inv.program().equals("find") && inv.words().contains("-delete")) {
            String root = inv.args().stream().map(Arg::value).filter(w -> !w.startsWith("-")).findFirst().orElse(".");
            return LocalFiles.delete(inv, root, true, Confidence.INFERRED, "find -delete removes every match under " + root);
        }
        return LocalFiles.local(inv, Operation.builder("process", Verb.READ).resource("program", inv.program())
                .evidence(inv.evidence()), "runs on this machine").build();
    }

    private static List<Operation> creators(Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        for (Arg a : inv.parse(Set.of("-m", "--mode", "-t", "-d", "-r", "--reference", "-p", "--tmpdir")).positionals()) {
            ops.add(LocalFiles.on(inv, Verb.CREATE, inv.program().equals("mkdir") ? "directory" : "file", a.value()).build());
        }
        return ops.isEmpty() ? List.of(LocalFiles.execute(inv, inv.program(), "creates a file")) : ops;
    }

    /** openssl commands that read certificates, requests and revocation lists: public halves, never a private key's text. */
    private static final Set<String> OPENSSL_CERTIFICATES = Set.of("x509", "verify", "crl", "s_client", "ciphers", "version",
            "req", "asn1parse", "crl2pkcs7", "sess_id");

    /** Builds and tests run locally; {@code clean} deletes regenerable output; publishing leaves the machine. */
    private static Operation builder(Invocation inv) {
        if (!inv.args().isEmpty() && inv.args().stream().allMatch(a -> VERSION_FLAGS.contains(a.value()))) {
            // java -version, jbang --version: the tool prints what it is and runs nothing
            return LocalFiles.local(inv, Operation.builder("process", Verb.READ).resource("program", inv.program())
                    .confidence(Confidence.EXACT).evidence(inv.evidence()).note(inv.program() + " prints its version"),
                    "prints its version").build();
        }
        Optional<Operation> built = TaskTargets.builtTarget(inv);
        if (built.isPresent()) {
            return built.get();
        }
        Optional<Operation> run = ProjectRuns.of(inv);
        if (run.isPresent()) {
            return run.get();
        }
        if (TaskTargets.TASK_RUNNERS.contains(inv.program())) {
            Optional<Operation> target = TaskTargets.target(inv);
            if (target.isPresent()) {
                return target.get();
            }
        }
        Set<String> valued = KnownPrograms.BUILD_VALUED.get(inv.program());
        List<String> positionals = (valued == null ? inv.args().stream().map(Arg::value).filter(w -> !w.startsWith("-"))
                : inv.parse(valued).words().stream()).limit(SUBCOMMAND_DEPTH).toList();
        for (String w : positionals) {
            String word = w.toLowerCase(Locale.ROOT);
            boolean task = Regex.matches(word, "[\\w-]+:[\\w:-]+") || Regex.matches(word, "\\w+\\.(drop|reset|purge|destroy|truncate)");
            if (task && CommandWords.parts(word).stream().anyMatch(KnownPrograms.DESTRUCTIVE::containsKey)) {
                // rake db:drop, mix ecto.reset: a task whose name says it destroys data.
                return unfamiliar(inv);
            }
            if (KnownPrograms.PUBLISH.contains(word) || word.equals("uninstall") && inv.program().startsWith("pip")) {
                if (word.equals("uninstall")) {
                    return LocalFiles.local(inv, Operation.builder("package", Verb.DELETE).resource("package",
                            positionals.size() > 1 ? positionals.get(1) : "").evidence(inv.evidence()), "packages on this machine").build();
                }
                return Operation.builder("package", Verb.UPDATE).resource("registry", inv.program() + " " + word)
                        .reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note(inv.program() + " " + word + " publishes beyond this machine").build();
            }
            if (KnownPrograms.CLEAN.contains(word)) {
                return LocalFiles.local(inv, Operation.builder("filesystem", Verb.DELETE).resource("build-output", inv.program())
                        .scope(Scope.MANY).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note("deletes regenerable build output"), "build output in the workspace").build();
            }
        }
        return dev.interlock.analysis.shell.recognizers.packages.PackageSources.dependencies(inv)
                .orElseGet(() -> LocalFiles.execute(inv, inv.program(), "builds, tests or runs project code"));
    }

    /** An unfamiliar CLI, judged by the words in its flags and first positionals. */
    static Operation unfamiliar(Invocation inv) {
        List<Arg> args = inv.args();
        Map<String, String> locators = new java.util.TreeMap<>();
        List<String> words = new ArrayList<>();
        List<int[]> wordAt = new ArrayList<>();
        int positionals = 0;
        boolean all = false;
        boolean notReally = false;
        for (int i = 0; i < args.size(); i++) {
            String raw = args.get(i).value();
            all |= ALL_WORDS.contains(raw);
            if (raw.startsWith("-") && raw.length() > 1) {
                String name = raw.contains("=") ? raw.substring(0, raw.indexOf('=')) : raw;
                String value = raw.contains("=") ? raw.substring(raw.indexOf('=') + 1) : null;
                boolean hostFlag = name.equals("-h") && value == null && i + 1 < args.size()
                        && !args.get(i + 1).value().startsWith("-");
                if (hostFlag || name.equals("-H") && value == null) {
                    name = "--host"; // -H web-prod-01 names a host; it is not -h's help
                }
                notReally |= NOT_REALLY.contains(name) || args.size() == 1 && name.equals("-V"); // a lone -V prints the version
                if (name.equals("--prod") || name.equals("--production")) {
                    // vercel --prod, netlify deploy --prod: the flag itself names the environment.
                    locators.put("environment", "production");
                }
                boolean valued = KnownPrograms.LOCATOR_FLAGS.containsKey(name) || KnownPrograms.NOUN_FLAGS.contains(name);
                if (value == null && valued && i + 1 < args.size() && !args.get(i + 1).value().startsWith("-")) {
                    value = args.get(++i).value();
                }
                if (value != null && KnownPrograms.LOCATOR_FLAGS.containsKey(name)) {
                    String kind = KnownPrograms.LOCATOR_FLAGS.get(name);
                    locators.put(kind, kind.equals("host") ? Hosts.of(Regex.before(value, ",")) : value);
                }
                words.add(Regex.replaceFirst(name, "^-+", ""));
                wordAt.add(new int[] {i, 1});
            } else if (positionals++ < SUBCOMMAND_DEPTH) {
                notReally |= positionals == 1 && raw.equals("help");
                words.add(raw);
                wordAt.add(new int[] {i, 0});
            }
        }
        // NOMAD_ADDR, VAULT_ADDR, CONSUL_HTTP_ADDR: the address variable names where the CLI acts
        dev.interlock.environment.EnvironmentVariables.locators(inv.program(), inv.env()).forEach(locators::putIfAbsent);
        // heroku -a shop-api-dev, FLY_APP: the hosted app places whatever the command does to it
        HostingApps.locators(inv).forEach(locators::putIfAbsent);
        SyncCopies.rcloneTarget(inv).forEach(locators::putIfAbsent);
        SyncCopies.destination(inv).ifPresent(dest -> locators.putIfAbsent("host", Hosts.of(dest)));
        Set<String> elsewhere = KnownPrograms.LOCAL_BY_DEFAULT.get(inv.program());
        if (elsewhere != null && inv.words().stream().noneMatch(w -> elsewhere.contains(Regex.before(w, "=")))) {
            locators.putIfAbsent("host", "localhost");
        }
        Optional<String> secret = familySecret(inv);
        if (secret.isPresent() && !notReally) {
            // a token minted by a dev agent on this machine (consul agent -dev at 127.0.0.1) opens nothing beyond it
            boolean sandboxMint = MINTS.contains(secret.get()) && Hosts.loopback(locators.getOrDefault("host", "-"));
            Operation.Builder b = Operation.builder(inv.program(), sandboxMint ? Verb.GRANT : Verb.CREDENTIAL).resource("secret", "")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(inv.program() + " " + secret.get() + (sandboxMint ? " mints a token on the agent on this machine"
                            : " prints or mints a secret"));
            locators.forEach(b::locator);
            return b.build();
        }
        if (HostingPlatforms.PROGRAMS.contains(inv.program()) && !notReally) {
            Optional<Operation> hosted = HostingPlatforms.recognize(inv, words, wordAt, locators);
            if (hosted.isPresent()) {
                return hosted.get();
            }
        }
        Verb verb = null;
        int at = -1;
        List<String> programParts = CommandWords.parts(inv.program());
        for (int k = 0; k < programParts.size(); k++) {
            String part = programParts.get(k);
            // a part of a compound name may be a verb glued to its object (pg_dropcluster); a whole name is a noun
            // as often as not (dropbox)
            Verb named = k == 0 ? KnownPrograms.DESTRUCTIVE.get(part) : NOUNS.contains(part) ? null : CommandWords.destructive(part);
            if (named != null) {
                verb = named;
            }
        }
        boolean force = words.contains("force") || words.contains("f");
        for (int k = 0; k < words.size() && verb == null; k++) {
            if (wordAt.get(k)[1] == 0 && words.get(k).indexOf('/') >= 0) {
                continue; // a path or URL (./restore/, s3://b/delete-me) names a place, not what the command does
            }
            for (String part : CommandWords.parts(words.get(k))) {
                if ((part.equals("clean") || part.equals("cleanup")) && (all || force)) {
                    verb = Verb.DELETE;
                    at = wordAt.get(k)[0];
                    break;
                }
                // a CLI handed its command as one quoted word (varnishadm 'ban req.url ~ .') is judged by that word's first token
                Verb familyVerb = KnownPrograms.FAMILY_DESTRUCTIVE.getOrDefault(inv.program(), Map.of())
                        .get(words.get(k).strip().split("\\s+", 2)[0]);
                if (familyVerb != null && wordAt.get(k)[1] == 0) {
                    verb = familyVerb;
                    at = wordAt.get(k)[0];
                    break;
                }
                if (!NOUNS.contains(part) && CommandWords.destructive(part) != null) {
                    // A noun-verb CLI names the kind first: `velero restore get`, `velero backup describe` only look.
                    boolean noun = wordAt.get(k)[1] == 0 && k + 1 < words.size() && wordAt.get(k + 1)[1] == 0
                            && KnownPrograms.READ_ONLY.contains(words.get(k + 1));
                    if (noun) {
                        notReally = true;
                        break;
                    }
                    verb = CommandWords.destructive(part);
                    at = wordAt.get(k)[0];
                    break;
                }
            }
        }
        String scripted = "";
        if (verb == null && !notReally && inv.stdin().isPresent()) {
            // hbase shell <<< "drop 'orders'": an unfamiliar shell fed its script; the script's own words decide
            for (String token : Regex.split(inv.stdin().get().toLowerCase(java.util.Locale.ROOT), "[^a-z_-]+")) {
                Verb v = KnownPrograms.DESTRUCTIVE.get(token);
                if (v == Verb.DELETE || v == Verb.REPLACE) {
                    verb = v;
                    scripted = token;
                    break;
                }
            }
        }
        Set<String> readFlags = KnownPrograms.READ_FLAGS.get(inv.program());
        boolean reads = !KnownPrograms.CONNECTORS.contains(inv.program())
                && words.stream().anyMatch(w -> CommandWords.parts(w).stream().anyMatch(KnownPrograms.READ_ONLY::contains))
                || readFlags != null && (readFlags.isEmpty() || inv.words().stream().anyMatch(readFlags::contains))
                || SyncCopies.toThisMachine(inv);
        if (verb == null || notReally) {
            Operation.Builder b = Operation.builder(inv.program(), reads || notReally ? Verb.READ : Verb.EXECUTE)
                    .resource("program", inv.program()).confidence(Confidence.INFERRED).evidence(inv.evidence());
            SyncCopies.copiedRows(inv).ifPresent(source -> {
                // rclone copy s3-prod:backups/pg/main.dump ./restore/: a database's rows, brought to this machine
                locators.putIfAbsent("host", source.contains("://") ? Hosts.of(source)
                        : source.substring(0, source.indexOf(':') > 0 ? source.indexOf(':') : source.indexOf('/')));
                locators.put(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "backup");
                b.resource("file", source).note("copies data (a dump, a backup or data files) from " + source + " to this machine");
            });
            locators.forEach(b::locator);
            if (locators.isEmpty() && !(reads || notReally)) {
                LocalFiles.localUnlessNamed(inv, b, "an unfamiliar program with no destructive words");
            }
            return b.build();
        }
        String[] target = CommandWords.target(args, at);
        String word = at < 0 ? inv.program() : args.get(at).value();
        if (target[0].isEmpty()) {
            target[0] = CommandWords.noun(args, at, word);
        }
        Operation.Builder b = Operation.builder(inv.program(), verb).resource(target[0], target[1])
                .scope(all ? Scope.ALL : Scope.ONE).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                .evidence(inv.evidence())
                .note(scripted.isEmpty() ? "'" + word + "' reads as a destructive " + inv.program() + " command"
                        : "the script fed to " + inv.program() + " on standard input says '" + scripted + "'");
        locators.forEach(b::locator);
        if (HostingPlatforms.PROGRAMS.contains(inv.program()) && target[0].equals("app") && !target[1].isEmpty()
                && !locators.containsKey("app")) {
            b.locator("app", target[1]); // flyctl apps destroy shop-api-dev: the app destroyed is the one it names
        }
        if (onLocalAlias(inv)) {
            b.stateful(false).reversible(true).note("'" + word + "' acts on " + inv.program() + "'s alias for a server on this machine: test data");
            LocalFiles.local(inv, b, inv.program() + "'s local alias");
        }
        return b.build();
    }

    /** {@code mc rb local/e2e-uploads}: every object path names an alias of a server on this machine. */
    private static boolean onLocalAlias(Invocation inv) {
        Set<String> aliases = KnownPrograms.LOCAL_ALIASES.get(inv.program());
        List<String> paths = inv.words().stream().filter(w -> !w.startsWith("-") && w.indexOf('/') > 0).toList();
        return aliases != null && !paths.isEmpty() && paths.stream().allMatch(w -> aliases.contains(w.substring(0, w.indexOf('/'))));
    }

    /** Words of {@link KnownPrograms#FAMILY_SECRETS} that mint a new token rather than print an existing secret. */
    private static final Set<String> MINTS = Set.of("acl token create", "acl token clone", "acl bootstrap");

    /** The words of {@link KnownPrograms#FAMILY_SECRETS} the command starts with, when it does. */
    private static Optional<String> familySecret(Invocation inv) {
        Set<String> phrases = KnownPrograms.FAMILY_SECRETS.get(inv.program());
        if (phrases == null) {
            return Optional.empty();
        }
        List<String> command = inv.words().stream().filter(w -> !w.startsWith("-")).limit(SUBCOMMAND_DEPTH).toList();
        // a global option's value before the command (radosgw-admin --cluster ceph-prod user info) is not its first word
        List<String> valued = withoutOptionValues(inv.words()).stream().limit(SUBCOMMAND_DEPTH).toList();
        return phrases.stream().filter(ph -> startsWith(command, ph) || startsWith(valued, ph)).findFirst();
    }

    /** Whether {@code words} begin with {@code phrase}'s words, a {@code *} standing for any one (wg show IFACE private-key). */
    private static boolean startsWith(List<String> words, String phrase) {
        String[] want = phrase.split(" ");
        if (words.size() < want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The words that are neither options nor the word after an option written without {@code =} (perhaps its value). */
    private static List<String> withoutOptionValues(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                i += w.contains("=") ? 0 : 1;
            } else {
                out.add(w);
            }
        }
        return out;
    }


}
