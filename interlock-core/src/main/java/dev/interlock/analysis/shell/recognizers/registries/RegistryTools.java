package dev.interlock.analysis.shell.recognizers.registries;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.registries.RegistryCommands.Command;
import dev.interlock.analysis.shell.recognizers.registries.RegistryCommands.Role;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * crane, skopeo, regctl, oras, cosign, notation, buildah and {@code docker buildx imagetools}: registry clients, judged by the
 * image a command writes. The registry's host places the operation (the inventory's host patterns give its tier; one
 * on this machine is local), so {@code crane copy registry.stg… registry.prod…} changes prod while
 * {@code skopeo sync --dest dir registry.prod… ./mirror} only reads prod and writes files here.
 */
public final class RegistryTools implements Recognizer {

    /** Options of the family that take a value: their values are never operands. */
    private static final Set<String> VALUED = Set.of("-t", "--tag", "--platform", "--format", "-f", "-o", "--output",
            "--entrypoint", "--cmd", "--label", "-l", "--annotation", "--annotations", "--annotation-file", "--env", "-e",
            "--user", "--workdir", "--append", "--base", "-b", "--new_tag", "--old_base", "--new_base", "-u", "--username",
            "-p", "--password", "--src", "--dest", "--src-creds", "--dest-creds", "--creds", "--authfile",
            "--src-authfile", "--dest-authfile", "--sign-by", "--sign-by-sigstore", "--sign-passphrase-file",
            "--registries-conf", "--retry-times", "--override-os", "--override-arch", "--dest-compress-format",
            "--create", "--artifact-type", "--config", "--config-type", "--subject", "--file", "--ref", "--digest",
            "--media-type", "--user-metadata", "-m", "--concurrency", "--oci-layout-path", "--distribution-spec",
            "--registry-config", "--from-username", "--from-password", "--to-username", "--to-password", "--key",
            "--type", "--sbom", "--predicate", "--signature", "--certificate", "--certificate-chain",
            "--certificate-identity", "--certificate-identity-regexp", "--certificate-oidc-issuer",
            "--certificate-oidc-issuer-regexp", "--rekor-url", "--fulcio-url", "--payload", "--attachment",
            "--output-file", "--output-signature", "--output-certificate", "--kms", "--output-key-prefix",
            "--registry-username", "--registry-password", "--timeout", "--bundle", "--trusted-root", "--identity-token",
            "--oidc-issuer", "--dir", "--signature-format", "--plugin", "--plugin-config", "--id", "--expiry",
            "--timestamp-url", "--timestamp-root-cert", "--builder", "--progress", "--depth");
    /** Where an image is written under a new name: crane mutate/append/flatten/rebase, imagetools create. */
    private static final String[] TAG_FLAGS = {"-t", "--tag"};
    /** Where a pull or save puts its files: oras pull -o, oras backup --output, cosign save --dir. */
    private static final String[] OUTPUT_FLAGS = {"-o", "--output", "--dir"};
    /** Key stores cosign generate-key-pair can write to instead of local files. */
    private static final List<String> KEY_STORES = List.of("k8s://", "awskms://", "gcpkms://", "azurekms://",
            "hashivault://", "gitlab://", "github://");

    @Override
    public Set<String> programs() {
        return RegistryCommands.programs();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return of(inv, inv.program(), inv.args());
    }

    /** {@code docker buildx imagetools ARGS}, handed over by the docker recognizer. */
    public static List<Operation> imagetools(Invocation inv, List<Arg> args) {
        return of(inv, RegistryCommands.IMAGETOOLS, args);
    }

    private static List<Operation> of(Invocation inv, String table, List<Arg> args) {
        ParsedArgs p = ParsedArgs.parse(args, VALUED);
        Command c = RegistryCommands.find(table, p.words());
        List<String> operands = p.words().subList(c.words(), p.words().size());
        String what = table + (c.name().isEmpty() ? "" : " " + c.name());
        Role role = p.has("--help", "-h") ? Role.LOCAL : p.has("--dry-run") ? Role.READ
                : c.name().equals("commit") && !operands.isEmpty() && operands.getLast().startsWith("docker://") ? Role.COPY : c.role();
        boolean layout = p.has("--oci-layout");
        return switch (role) {
            case READ -> List.of(at(inv, Verb.READ, "image", reference(firstImage(operands), layout || p.has("--from-oci-layout")),
                    Scope.ONE, what + " reads"));
            case WRITE -> written(inv, p, operands, layout, what);
            case COPY -> List.of(copied(inv, p, table, operands, what));
            case SAVE -> saved(inv, p, operands, layout, what);
            case DELETE -> deleted(inv, table, c, operands, args, layout, what);
            case CREDENTIAL -> List.of(registryOp(inv, Verb.CREDENTIAL, "credentials", reference(first(operands), false))
                    .note(what + " prints a credential for the registry").build());
            case LOGIN -> List.of(LocalFiles.local(inv, Operation.builder("registry", Verb.UPDATE)
                    .resource("login", reference(first(operands), false).host()).evidence(inv.evidence())
                    .note(what + " stores or forgets a registry login"), "this machine's registry logins").build());
            case LOCAL -> local(inv, p, c, operands, what);
        };
    }

    /**
     * An image another tool writes to {@code ref} ({@code podman push SRC DEST}, kaniko's {@code --destination}, a
     * {@code cog push}): judged as this family's writes are, by where the reference points.
     */
    public static Operation imageWritten(Invocation inv, ImageReference ref, String how) {
        return at(inv, Verb.UPDATE, "image", ref, Scope.ONE, how);
    }

    /** The images a write changes: each name under -t/--tag, else the first image named. */
    private static List<Operation> written(Invocation inv, ParsedArgs p, List<String> operands, boolean layout, String what) {
        List<String> tags = new ArrayList<>();
        for (String flag : TAG_FLAGS) {
            tags.addAll(p.flags().getOrDefault(flag, List.of()));
        }
        List<String> targets = tags.isEmpty() ? List.of(firstImage(operands)) : tags;
        return targets.stream().map(t -> at(inv, Verb.UPDATE, "image", reference(t, layout), Scope.ONE, what + " writes"))
                .toList();
    }

    /**
     * A copy writes its last operand (a trailing digest, as in {@code regctl blob copy SRC TGT DIGEST}, is not one):
     * a registry, this machine's image store, or files (skopeo sync's {@code --dest dir|oci}, oras'
     * {@code --to-oci-layout}).
     */
    private static Operation copied(Invocation inv, ParsedArgs p, String table, List<String> operands, String what) {
        List<String> places = operands.stream().filter(o -> !o.startsWith("sha256:")).toList();
        String target = places.isEmpty() ? "" : places.getLast();
        String source = places.size() > 1 ? places.getFirst() : "";
        boolean files = p.has("--to-oci-layout") || table.equals("skopeo") && p.value("--dest").filter(d -> !d.equals("docker")).isPresent();
        boolean many = table.equals("skopeo") && what.endsWith(" sync") || p.has("--all-tags", "-r", "--recursive");
        ImageReference ref = files ? ImageReference.inFiles(target, target) : reference(target, false);
        return at(inv, Verb.UPDATE, "image", ref, many ? Scope.MANY : Scope.ONE,
                what + (source.isEmpty() ? "" : " from " + source) + " writes");
    }

    /** A pull or save reads the image and writes files here: its output flag, else its last operand. */
    private static List<Operation> saved(Invocation inv, ParsedArgs p, List<String> operands, boolean layout, String what) {
        List<Operation> ops = new ArrayList<>();
        ops.add(at(inv, Verb.READ, "image", reference(firstImage(operands), layout), Scope.ONE, what + " reads"));
        p.value(OUTPUT_FLAGS).or(() -> operands.size() > 1 ? Optional.of(operands.getLast()) : Optional.<String>empty())
                .filter(out -> !out.equals("-"))
                .ifPresent(out -> ops.add(SelfProtectionRecognizer.write(inv, ImageReference.of(out).location(), what + " writes")));
        return ops;
    }

    private static List<Operation> deleted(Invocation inv, String table, Command c, List<String> operands, List<Arg> args,
                                           boolean layout, String what) {
        String type = table.equals("cosign") ? "signatures"
                : List.of("tag", "manifest", "blob").stream().filter(c.name()::contains).findFirst().orElse("image");
        List<String> images = operands.stream().filter(ImageReference::looksLikeOne).toList();
        List<Operation> ops = new ArrayList<>();
        for (String image : images.isEmpty() ? List.of(first(operands)) : images) {
            boolean literal = args.stream().filter(a -> a.value().equals(image)).allMatch(Arg::literal) && !image.contains("{}");
            ops.add(at(inv, Verb.DELETE, type, reference(image, layout), literal ? Scope.ONE : Scope.MANY, what + " deletes"));
        }
        return ops;
    }

    /**
     * Commands that work here. {@code cosign generate-key-pair k8s://ns/name} (or {@code --kms awskms://…}) is the
     * exception: it creates the signing key in a cluster's Secret or a cloud key service, where admission trusts it.
     */
    private static List<Operation> local(Invocation inv, ParsedArgs p, Command c, List<String> operands, String what) {
        if (c.name().equals("generate-key-pair")) {
            String store = p.value("--kms").orElse(first(operands));
            if (store.startsWith("k8s://")) {
                String[] parts = store.substring("k8s://".length()).split("/", 2);
                Operation.Builder b = Operation.builder("kubernetes", Verb.CREATE)
                        .resource("secret", parts.length > 1 ? parts[1] : parts[0]).confidence(Confidence.INFERRED)
                        .evidence(inv.evidence()).note(what + " writes the signing key into a Kubernetes Secret");
                if (parts.length > 1) {
                    b.locator("namespace", parts[0]);
                }
                return List.of(b.build());
            }
            if (KEY_STORES.stream().anyMatch(store::startsWith)) {
                return List.of(Operation.builder("cosign", Verb.CREATE).resource("signing-key", store)
                        .confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note(what + " creates a signing key in " + store).build());
            }
            // a new key pair written here: nothing secret is read or printed
            String prefix = p.value("--output-key-prefix").orElse("cosign");
            return List.of(LocalFiles.on(inv, Verb.CREATE, "file", prefix + ".key").note(what + " writes a new key pair").build(),
                    LocalFiles.on(inv, Verb.CREATE, "file", prefix + ".pub").note(what + " writes a new key pair").build());
        }
        return List.of(LocalFiles.execute(inv, inv.program(), what + " works on this machine only"));
    }

    /** The operation on an image wherever it lives: a registry, this machine's image store, or files here. */
    private static Operation at(Invocation inv, Verb verb, String type, ImageReference ref, Scope scope, String how) {
        return switch (ref.place()) {
            case FILES -> verb == Verb.UPDATE ? SelfProtectionRecognizer.write(inv, ref.location(), how)
                    : LocalFiles.on(inv, verb, "file", ref.location()).note(how + " " + ref.location()).build();
            case DAEMON -> LocalFiles.local(inv, Operation.builder("docker", verb).resource("image", ref.location())
                    .evidence(inv.evidence()).note(how + " this machine's image store"), "this machine's image store").build();
            case REGISTRY -> {
                Operation.Builder b = registryOp(inv, verb, type, ref).scope(scope).note(how + " " + ref.location());
                if (verb == Verb.DELETE && !ref.onThisMachine()) {
                    b.stateful(true).reversible(false);
                }
                yield b.build();
            }
        };
    }

    private static Operation.Builder registryOp(Invocation inv, Verb verb, String type, ImageReference ref) {
        Operation.Builder b = Operation.builder("registry", verb).resource(type, ref.location()).locator("host", ref.host())
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        return ref.onThisMachine() ? LocalFiles.local(inv, b, "a registry on this machine") : b;
    }

    private static ImageReference reference(String operand, boolean layout) {
        return layout ? ImageReference.inFiles(operand, operand) : ImageReference.of(operand);
    }

    /** The first operand that names an image ({@code oras push REF file:type}, {@code crane push x.tar REF}), else the first. */
    private static String firstImage(List<String> operands) {
        return operands.stream().filter(ImageReference::looksLikeOne).findFirst().orElse(first(operands));
    }

    private static String first(List<String> operands) {
        return operands.isEmpty() ? "" : operands.getFirst();
    }
}
