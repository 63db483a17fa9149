package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * Running code in containers ({@code run}, {@code create}, {@code exec}) and copying files in and out. What runs
 * inside a container stays there, unless its options hand it the host: that is a separate escalation.
 */
final class DockerContainers {

    private DockerContainers() {
    }

    static List<Operation> run(Daemon d, String key, List<Arg> args) {
        DockerRun run = DockerRun.parse(args);
        boolean exec = key.equals("container exec");
        String target = run.target().value();
        List<Operation> ops = new ArrayList<>();
        Verb verb = key.equals("container create") ? Verb.CREATE : Verb.EXECUTE;
        Operation.Builder main = d.op(verb, exec ? "container" : "image", target)
                .confidence(run.target().literal() && !target.isEmpty() ? Confidence.EXACT : Confidence.INFERRED);
        if (exec) {
            main.note("runs a command in container " + target);
        } else if (!run.command().isEmpty()) {
            main.note("runs " + String.join(" ", run.command().stream().map(Arg::value).toList()) + " in a new container");
        }
        ops.add(main.build());
        List<String> escapes = run.escapes(d.inv());
        if (!escapes.isEmpty()) {
            ops.add(d.op(Verb.ESCALATE, "host", target).reversible(false)
                    .note("the container gets the host: " + String.join(", ", escapes)).build());
        }
        return ops;
    }

    /** {@code docker cp CONTAINER:SRC DEST} reads out; {@code docker cp SRC CONTAINER:DEST} writes in. */
    static List<Operation> copy(Daemon d, List<Arg> args) {
        List<Arg> operands = args.stream().filter(a -> !a.value().startsWith("-")).toList();
        if (operands.size() < 2) {
            return List.of();
        }
        String dest = operands.getLast().value();
        int colon = dest.indexOf(':');
        if (colon > 0 && !dest.startsWith("/") && !dest.startsWith(".")) {
            return List.of(d.op(Verb.UPDATE, "container", dest.substring(0, colon)).note("copies files into the container").build());
        }
        String src = operands.getFirst().value();
        String path = src.contains(":") ? src.substring(src.indexOf(':') + 1) : "";
        if (!path.isEmpty() && dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.isSecret(path)) {
            // docker cp api:/app/.env .: the container's secrets, copied out in clear
            return List.of(d.op(Verb.CREDENTIAL, "container", src.substring(0, src.indexOf(':')))
                    .note("copies the secret file " + path + " out of the container").build());
        }
        return List.of(d.op(Verb.READ, "container", src.contains(":") ? src.substring(0, src.indexOf(':')) : src).build());
    }
}
