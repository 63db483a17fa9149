package dev.interlock.analysis.plan;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Plan;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Verb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl apply|create|replace|delete -f FILE}: when the adapter read FILE ({@code context.files}), the one
 * operation on "manifest FILE" becomes one operation per object in it, judged like a manifest plan (a PVC or a
 * Namespace holds data, a Service cuts access), in the namespace and cluster the command named.
 */
public final class ManifestFiles {

    private ManifestFiles() {
    }

    /** The paths an operation on {@code manifest} names, as the adapter should read them (absolute, from cwd). */
    public static List<String> named(Operation op, RequestContext context) {
        if (!op.system().equals("kubernetes") || !op.resource().type().equals("manifest")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String name : op.resource().name().split(" ")) {
            if (!name.isEmpty() && !name.equals("-") && !name.contains("://")) {
                out.add(absolute(name, context));
            }
        }
        return out;
    }

    /** Each manifest operation whose files were all read, expanded into its objects; everything else unchanged. */
    public static List<Operation> expand(List<Operation> ops, RequestContext context, Catalogue catalogue) {
        if (context.files().isEmpty()) {
            return ops;
        }
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.addAll(expand(op, context, catalogue).orElse(List.of(op)));
        }
        return out;
    }

    private static Optional<List<Operation>> expand(Operation op, RequestContext context, Catalogue catalogue) {
        List<String> paths = named(op, context);
        if (paths.isEmpty() || !paths.stream().allMatch(context.files()::containsKey)) {
            return Optional.empty();
        }
        ManifestAction action = switch (op.verb()) {
            case CREATE -> new ManifestAction("create", false, false, false);
            case REPLACE -> new ManifestAction("replace", true, false, false);
            case DELETE -> new ManifestAction("delete", false, false, false);
            default -> ManifestAction.APPLY;
        };
        List<Operation> expanded = new ArrayList<>();
        for (String path : paths) {
            Plan plan;
            try {
                plan = KubernetesManifests.read(context.files().get(path), action, Plans.mapper());
            } catch (PlanFormatException e) {
                return Optional.of(List.of(op.toBuilder().confidence(Confidence.INFERRED)
                        .note("the manifest " + path + " could not be read: " + e.getMessage()).build()));
            }
            for (Operation object : PlanAnalyzer.analyze(plan, catalogue, context)) {
                Operation.Builder b = object.toBuilder().evidence(op.evidence()).scope(op.scope() == dev.interlock.model.Scope.ALL
                        ? op.scope() : object.scope());
                Map<String, String> mine = object.resource().locators();
                op.resource().locators().forEach((k, v) -> {
                    if (!mine.containsKey(k)) {
                        b.locator(k, v);
                    }
                });
                String from = "from " + Path.of(path).getFileName();
                b.note(object.note().isEmpty() ? from : from + ": " + object.note());
                if (op.verb() == Verb.UNKNOWN) {
                    b.verb(Verb.UNKNOWN);
                }
                expanded.add(b.build());
            }
        }
        return Optional.of(expanded);
    }

    private static String absolute(String name, RequestContext context) {
        Path p = Path.of(name);
        return (p.isAbsolute() ? p : Path.of(context.cwd().orElse("/")).resolve(p)).normalize().toString();
    }
}
