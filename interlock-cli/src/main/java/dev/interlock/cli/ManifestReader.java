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
 * The adapter's half of reading the files a command names. The engine names them (it does no I/O): manifests of
 * {@code kubectl … -f FILE}, and scripts a shell or interpreter runs, SQL files, makefiles and files fed on standard
 * input ({@link Interlock#filesNamed}). This reads the ones that exist on the agent's machine into
 * {@code context.files} — manifests up to 1 MiB wherever they are; other files up to 256 KiB, only inside the
 * working directory or the temporary directory (a file elsewhere stays unread, and the command is judged as before).
 */
public final class ManifestReader {

    private static final long MAX_BYTES = 1 << 20;

    private ManifestReader() {
    }

    private static final long MAX_SCRIPT_BYTES = 256 << 10;

    public static Request withManifests(Interlock interlock, Request request) {
        if (!(request.payload() instanceof Payload.Shell s)) {
            return request;
        }
        Map<String, String> files = new LinkedHashMap<>(request.context().files());
        if (s.command().contains("kubectl") && (s.command().contains("-f") || s.command().contains("--filename"))) {
            for (Operation op : interlock.operations(request)) {
                for (String path : ManifestFiles.named(op, request.context())) {
                    read(Path.of(path), MAX_BYTES).ifPresent(content -> files.putIfAbsent(path, content));
                }
            }
        }
        Path cwd = Path.of(request.context().cwd().orElse(System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (String named : interlock.filesNamed(request)) {
            Path path = Path.of(named).normalize();
            if (path.startsWith(cwd) || path.startsWith(tmp) || path.startsWith("/tmp")) {
                read(path, MAX_SCRIPT_BYTES).ifPresent(content -> files.putIfAbsent(named, content));
            }
        }
        return files.equals(request.context().files()) ? request : request.withContext(request.context().withFiles(files));
    }

    private static java.util.Optional<String> read(Path path, long limit) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > limit) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
