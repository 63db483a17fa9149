package dev.interlock.hooks;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agents' built-in tools by what they do, one table for all six (names compared without case, {@code _} or
 * {@code -}). MCP tools are told apart by their naming ({@code mcp__server__tool}, {@code @server/tool}) or the
 * payload's MCP context, not by this table.
 */
enum ToolKind {
    SHELL, WRITE, EDIT, PATCH, DELETE, READ, INERT, AWS_CALL, UNKNOWN;

    private static final Map<ToolKind, Set<String>> NAMES = Map.of(
            SHELL, Set.of("bash", "runshellcommand", "executebash", "shell", "localshell", "execcommand", "runterminalcmd",
                    "runinterminal", "terminal", "powershell", "runcommand", "executecommand", "shellcommand"),
            WRITE, Set.of("write", "writefile", "create", "createfile", "tabwrite", "writetofile"),
            EDIT, Set.of("edit", "multiedit", "replace", "strreplace", "editfile", "searchreplace", "notebookedit", "insert",
                    "editfiles", "strreplaceeditor", "strreplacebasededittool", "fswrite", "editnotebook", "replacestringinfile",
                    "multireplacestringinfile", "inserteditintofile", "appendtofile"),
            PATCH, Set.of("applypatch"),
            DELETE, Set.of("delete", "deletefile", "removefile"),
            READ, Set.of("read", "readfile", "view", "fsread", "readmanyfiles", "notebookread"),
            INERT, Set.of("grep", "glob", "ls", "listdirectory", "listdir", "searchfilecontent", "googlewebsearch", "websearch",
                    "webfetch", "todowrite", "todoread", "task", "agent", "think", "codebasesearch", "filesearch", "savememory",
                    "exitplanmode", "knowledge", "introspect", "reportintent", "viewimage", "askuserquestion", "skill",
                    "semanticsearch", "findfiles", "search", "listfiles", "updateplan", "todo", "thinking", "readlints"),
            AWS_CALL, Set.of("useaws"));

    static ToolKind of(String toolName) {
        String n = normalise(toolName);
        for (Map.Entry<ToolKind, Set<String>> e : NAMES.entrySet()) {
            if (e.getValue().contains(n)) {
                return e.getKey();
            }
        }
        return UNKNOWN;
    }

    static String normalise(String toolName) {
        return toolName == null ? "" : toolName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").strip();
    }
}
