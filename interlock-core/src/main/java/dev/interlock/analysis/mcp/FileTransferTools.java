package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SFTP and FTP servers: the files live on the remote host, not in a repository (GitHub's {@code delete_file} commits,
 * these remove). Listing and downloading read; uploading creates a file there; deleting removes it for good; renaming
 * moves it. The host argument places the call ({@code sftp-prod.partner.example.com}), else the server's name.
 */
final class FileTransferTools {

    private static final Pattern SERVER = Pattern.compile("(?i).*(sftp|ftps?|ssh[-_]?files?|scp)([-_].*)?");

    private FileTransferTools() {
    }

    private static Function<McpCall, List<Operation>> act(Verb verb, String type, String note) {
        return c -> {
            String path = c.text("path", "remote_path", "remotePath", "file", "filename", "remote_file", "source", "directory");
            Operation.Builder b = c.op("sftp", verb, type, path).confidence(Confidence.INFERRED).note(note);
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).scope(path.contains("*") ? Scope.MANY : Scope.ONE);
            }
            String host = c.text("host", "hostname", "server", "remote_host");
            return List.of(host.isEmpty() ? b.build() : b.locator("host", host).build());
        };
    }

    private static final Function<McpCall, List<Operation>> LIST = act(Verb.READ, "remote-directory", "lists the remote directory");
    private static final Function<McpCall, List<Operation>> DOWNLOAD = act(Verb.READ, "remote-file", "reads the remote file");
    private static final Function<McpCall, List<Operation>> UPLOAD = act(Verb.CREATE, "remote-file", "writes a file on the remote host");
    private static final Function<McpCall, List<Operation>> REMOVE = act(Verb.DELETE, "remote-file",
            "removes the file from the remote host: no copy is kept there");

    static final ToolFamily FAMILY = new ToolFamily("sftp", c -> SERVER.matcher(c.server()).matches(), Map.ofEntries(
            Map.entry("list_files", LIST), Map.entry("list_directory", LIST), Map.entry("list_dir", LIST), Map.entry("ls", LIST),
            Map.entry("stat", DOWNLOAD), Map.entry("get_file_info", DOWNLOAD), Map.entry("download_file", DOWNLOAD),
            Map.entry("download", DOWNLOAD), Map.entry("get_file", DOWNLOAD), Map.entry("read_file", DOWNLOAD),
            Map.entry("upload_file", UPLOAD), Map.entry("upload", UPLOAD), Map.entry("put_file", UPLOAD),
            Map.entry("write_file", UPLOAD), Map.entry("create_directory", act(Verb.CREATE, "remote-directory", "makes a remote directory")),
            Map.entry("delete_file", REMOVE), Map.entry("remove_file", REMOVE), Map.entry("rm", REMOVE),
            Map.entry("delete_directory", act(Verb.DELETE, "remote-directory", "removes the remote directory")),
            Map.entry("remove_directory", act(Verb.DELETE, "remote-directory", "removes the remote directory")),
            Map.entry("rename_file", act(Verb.UPDATE, "remote-file", "renames the remote file")),
            Map.entry("move_file", act(Verb.UPDATE, "remote-file", "moves the remote file"))));
}
