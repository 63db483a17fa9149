package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.analysis.plan.ManifestFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adapter's half of reading manifests: for {@code kubectl … -f FILE} the engine names the files (it does no I/O);
 * this reads the ones that exist on the agent's machine (regular files up to 1 MiB) into {@code context.files}, so
 * the decision judges the objects in them. A file that cannot be read leaves the command judged as before.
 */
public final class ManifestReader {

    private static final long MAX_BYTES = 1 << 20;

    private ManifestReader() {
    }

    public static Request withManifests(Interlock interlock, Request request) {
        if (!(request.payload() instanceof Payload.Shell s) || !s.command().contains("kubectl")
                || !s.command().contains("-f") && !s.command().contains("--filename")) {
            return request;
        }
        Map<String, String> files = new LinkedHashMap<>(request.context().files());
        for (Operation op : interlock.operations(request)) {
            for (String path : ManifestFiles.named(op, request.context())) {
                read(Path.of(path)).ifPresent(content -> files.putIfAbsent(path, content));
            }
        }
        return files.equals(request.context().files()) ? request : request.withContext(request.context().withFiles(files));
    }

    private static java.util.Optional<String> read(Path path) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
