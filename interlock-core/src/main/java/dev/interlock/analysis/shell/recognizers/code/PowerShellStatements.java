package dev.interlock.analysis.shell.recognizers.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PowerShell code cut into its commands — statements, pipeline stages, script-block bodies — each judged by its first
 * word: a cmdlet ({@code Verb-Noun}) or one of its aliases is PowerShell's own (its verb says what it does), anything
 * else is a program PowerShell runs as a shell would ({@code kubectl delete …}, {@code git push --force}), so it is
 * analyzed as a shell command. A line that starts with a cmdlet is PowerShell even without {@code pwsh -Command}:
 * agents on Windows send their lines to PowerShell as they are.
 */
public final class PowerShellStatements {

    private PowerShellStatements() {
    }

    /** PowerShell's approved verbs (Get-Verb), and the few common cmdlets named outside them. */
    private static final Set<String> VERBS = Set.of("add", "approve", "assert", "backup", "block", "build", "checkpoint",
            "clear", "close", "compare", "complete", "compress", "confirm", "connect", "convert", "convertfrom", "convertto",
            "copy", "debug", "deny", "deploy", "disable", "disconnect", "dismount", "edit", "enable", "enter", "exit",
            "expand", "export", "find", "foreach", "format", "get", "grant", "group", "hide", "import", "initialize",
            "install", "invoke", "join", "limit", "lock", "measure", "merge", "mount", "move", "new", "open", "optimize",
            "out", "ping", "pop", "protect", "publish", "push", "read", "receive", "redo", "register", "remove", "rename",
            "repair", "request", "reset", "resize", "resolve", "restart", "restore", "resume", "revoke", "save", "search",
            "select", "send", "set", "show", "skip", "sort", "split", "start", "step", "stop", "submit", "suspend", "switch",
            "sync", "tee", "test", "trace", "unblock", "undo", "uninstall", "unlock", "unprotect", "unpublish", "unregister",
            "update", "use", "wait", "watch", "where", "write");

    /** Built-in aliases, spelled out so that the cmdlet tables see one name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ri", "Remove-Item"), Map.entry("rm", "Remove-Item"), Map.entry("del", "Remove-Item"),
            Map.entry("erase", "Remove-Item"), Map.entry("rd", "Remove-Item"), Map.entry("rmdir", "Remove-Item"),
            Map.entry("gc", "Get-Content"), Map.entry("cat", "Get-Content"), Map.entry("type", "Get-Content"),
            Map.entry("gci", "Get-ChildItem"), Map.entry("ls", "Get-ChildItem"), Map.entry("dir", "Get-ChildItem"),
            Map.entry("kill", "Stop-Process"), Map.entry("spps", "Stop-Process"), Map.entry("spsv", "Stop-Service"),
            Map.entry("sasv", "Start-Service"), Map.entry("saps", "Start-Process"), Map.entry("start", "Start-Process"),
            Map.entry("ac", "Add-Content"), Map.entry("sc", "Set-Content"), Map.entry("ni", "New-Item"),
            Map.entry("cpi", "Copy-Item"), Map.entry("copy", "Copy-Item"), Map.entry("cp", "Copy-Item"),
            Map.entry("mi", "Move-Item"), Map.entry("move", "Move-Item"), Map.entry("mv", "Move-Item"),
            Map.entry("rni", "Rename-Item"), Map.entry("ren", "Rename-Item"), Map.entry("iwr", "Invoke-WebRequest"),
            Map.entry("irm", "Invoke-RestMethod"), Map.entry("iex", "Invoke-Expression"), Map.entry("icm", "Invoke-Command"),
            Map.entry("gps", "Get-Process"), Map.entry("ps", "Get-Process"), Map.entry("gsv", "Get-Service"),
            Map.entry("echo", "Write-Output"), Map.entry("write", "Write-Output"), Map.entry("cd", "Set-Location"),
            Map.entry("sl", "Set-Location"), Map.entry("chdir", "Set-Location"), Map.entry("pwd", "Get-Location"),
            Map.entry("gl", "Get-Location"), Map.entry("select", "Select-Object"), Map.entry("where", "Where-Object"),
            Map.entry("?", "Where-Object"), Map.entry("%", "ForEach-Object"), Map.entry("foreach", "ForEach-Object"),
            Map.entry("sort", "Sort-Object"), Map.entry("measure", "Measure-Object"), Map.entry("ft", "Format-Table"),
            Map.entry("fl", "Format-List"), Map.entry("gm", "Get-Member"), Map.entry("sleep", "Start-Sleep"),
            Map.entry("tee", "Tee-Object"), Map.entry("md", "New-Item"), Map.entry("mkdir", "New-Item"),
            Map.entry("cls", "Clear-Host"), Map.entry("clear", "Clear-Host"), Map.entry("gi", "Get-Item"),
            Map.entry("gp", "Get-ItemProperty"), Map.entry("sp", "Set-ItemProperty"), Map.entry("rp", "Remove-ItemProperty"),
            Map.entry("ii", "Invoke-Item"), Map.entry("h", "Get-History"), Map.entry("history", "Get-History"),
            Map.entry("pushd", "Push-Location"), Map.entry("popd", "Pop-Location"), Map.entry("gcm", "Get-Command"),
            Map.entry("gv", "Get-Variable"), Map.entry("sv", "Set-Variable"), Map.entry("set", "Set-Variable"),
            Map.entry("gdr", "Get-PSDrive"), Map.entry("group", "Group-Object"), Map.entry("man", "Get-Help"),
            Map.entry("help", "Get-Help"), Map.entry("ipmo", "Import-Module"));

    /** Words that start a statement without running anything of their own. */
    private static final Set<String> KEYWORDS = Set.of("if", "elseif", "else", "for", "while", "do", "until", "switch",
            "try", "catch", "finally", "trap", "function", "filter", "param", "begin", "process", "end", "return", "break",
            "continue", "throw", "exit", "in", "class", "enum", "using", "-not", "!", ".");

    /** One command of the code: where its first word starts, and the command's text. */
    record Command(int start, String text) {
        /** The first word, without the call operator. */
        String head() {
            String t = text.startsWith("&") ? text.substring(1).strip() : text;
            int end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            return t.substring(0, end);
        }
    }

    /**
     * The commands of {@code code}: cut at {@code ;}, newlines, {@code |}, {@code &&}, {@code ||} and the braces and
     * parentheses of script blocks and subexpressions, outside quotes ({@code '…'} literal, {@code "…"} with the
     * backtick as escape).
     */
    static List<Command> commands(String code) {
        List<Command> out = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '`' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '{' && FILTER_PARAMETER.matcher(code.substring(Math.max(0, i - 16), i)).find()) {
                int close = closing(code, i);
                if (close > 0) {
                    i = close; // -Filter {Name -like "x"}: a filter the module reads as text, part of its cmdlet's arguments
                    continue;
                }
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '`' -> i++;
                case ';', '\n', '\r', '|', '{', '}', '(', ')' -> {
                    add(out, code, start, i);
                    start = i + 1;
                }
                case '&' -> {
                    if (i + 1 < code.length() && code.charAt(i + 1) == '&') {
                        add(out, code, start, i);
                        start = i + 2;
                        i++;
                    }
                }
                default -> {
                }
            }
        }
        add(out, code, start, code.length());
        return out;
    }

    /** A parameter whose script block is a filter written in PowerShell's syntax, not code that runs (Get-ADUser -Filter). */
    private static final java.util.regex.Pattern FILTER_PARAMETER = java.util.regex.Pattern.compile("(?i)-Filter\\s*$");

    /**
     * A comparison on a property, {@code Enabled -eq $false} or {@code Name -like 'svc*'}: the body of a filter or
     * where block. A property is named in PascalCase as PowerShell's objects name them; a program's name is not.
     */
    private static final java.util.regex.Pattern COMPARISON = java.util.regex.Pattern.compile(
            "[A-Z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\s+-[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains"
            + "|in|notin|is|isnot)\\b.*", java.util.regex.Pattern.DOTALL);

    /** The brace that closes the one at {@code open}, outside quotes; -1 when there is none. */
    static int closing(String code, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<Command> out, String code, int from, int to) {
        int s = from;
        while (s < to && Character.isWhitespace(code.charAt(s))) {
            s++;
        }
        String text = code.substring(s, to).strip();
        if (!text.isEmpty() && !COMPARISON.matcher(text).matches()) {
            out.add(new Command(s, text));
        }
    }

    /** {@code Verb-Noun}, any case, with an approved verb. */
    static boolean isCmdlet(String word) {
        int dash = word.indexOf('-');
        if (dash <= 0 || dash == word.length() - 1 || !Character.isLetter(word.charAt(dash + 1))) {
            return false;
        }
        for (int i = dash + 1; i < word.length(); i++) {
            if (!Character.isLetterOrDigit(word.charAt(i))) {
                return false;
            }
        }
        return VERBS.contains(word.substring(0, dash).toLowerCase(Locale.ROOT));
    }

    /** PowerShell's own, not a program it starts: a cmdlet, an alias, a keyword, an expression, a variable. */
    static boolean isPowerShells(String head) {
        if (head.isEmpty()) {
            return true;
        }
        char c = head.charAt(0);
        if (c == '$' || c == '@' || c == '[' || c == '\'' || c == '"' || c == '-' || c == '+' || c == ',' || c == '='
                || c == '>' || c == '<' || c == '#' || Character.isDigit(c)) {
            return true;
        }
        if (c == '.' && head.length() > 1 && Character.isLetter(head.charAt(1))) {
            return true; // (Get-Date).AddDays(-90): a method of the value before it, not .\script.ps1
        }
        String lower = head.toLowerCase(Locale.ROOT);
        return isCmdlet(head) || ALIASES.containsKey(lower) || KEYWORDS.contains(lower);
    }

    /** Verbs of cmdlets that only look: they read, select, format or print what is there. */
    private static final Set<String> LOOKING = Set.of("get", "select", "where", "sort", "measure", "format", "test", "find",
            "search", "resolve", "compare", "group", "show", "write", "convertto", "convertfrom", "join", "split", "foreach");

    /**
     * Code whose every command only looks ({@code Get-Service W3SVC | Select-Object Name, Status}): cmdlets with the
     * verbs above, their aliases, expressions. {@code Out-File}, {@code Set-…} and any program it starts are not.
     */
    /** Cmdlets outside those verbs that load or print without changing anything. */
    private static final Set<String> LOOKING_CMDLETS = Set.of("import-module", "import-csv", "import-clixml",
            "import-powershelldatafile", "out-string", "out-host", "out-null", "out-gridview", "get-date",
            // a snap-in is a module; a location (a ConfigMgr site drive, P01:) is this session's alone
            "add-pssnapin", "set-location", "push-location", "pop-location");

    static boolean onlyLooks(String code) {
        List<Command> commands = commands(PowerShellDryRuns.judged(code));
        if (commands.isEmpty()) {
            return false;
        }
        for (Command command : commands) {
            String head = command.head();
            String cmdlet = ALIASES.getOrDefault(head.toLowerCase(Locale.ROOT), head);
            if (isCmdlet(cmdlet)) {
                if (!LOOKING.contains(cmdlet.substring(0, cmdlet.indexOf('-')).toLowerCase(Locale.ROOT))
                        && !LOOKING_CMDLETS.contains(cmdlet.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            } else if (!isPowerShells(head) || head.startsWith("&") || command.text().startsWith("&")) {
                return false;
            }
        }
        return !code.contains(">");
    }

    /**
     * The code with each command's alias spelled as its cmdlet ({@code kill -Name x} → {@code Stop-Process -Name x}),
     * so that the cmdlet tables, which match names, see every spelling.
     */
    static String canonical(String code) {
        StringBuilder out = null;
        int copied = 0;
        for (Command command : commands(code)) {
            if (command.text().startsWith("&")) {
                continue;
            }
            String head = command.head();
            String cmdlet = ALIASES.get(head.toLowerCase(Locale.ROOT));
            if (cmdlet != null) {
                if (out == null) {
                    out = new StringBuilder(code.length() + 32);
                }
                out.append(code, copied, command.start()).append(cmdlet);
                copied = command.start() + head.length();
            }
        }
        return out == null ? code : out.append(code, copied, code.length()).toString();
    }

    /**
     * The programs the code starts, each as a shell command line: the call operator dropped, {@code $env:NAME} as
     * {@code $NAME}, backtick escapes resolved, and backslashes (path separators here) kept for the shell's parser.
     */
    static List<String> programs(String code) {
        List<String> out = new ArrayList<>();
        StringBuilder variables = new StringBuilder();
        for (Command whole : commands(code)) {
            java.util.regex.Matcher set = ASSIGNMENT.matcher(whole.text());
            // $s = az … runs az (its output is captured); $env:X = "v" only sets a variable
            Command command = set.matches() ? whole : assigned(whole);
            boolean called = command.text().startsWith("&"); // & 'C:\\…\\x.exe': whatever follows the call operator runs
            if (set.matches()) {
                // $env:KUBECONFIG = "prod.yaml"; kubectl …: the programs after it run with the variable, as NAME=v cmd would
                variables.append(set.group(1)).append("='").append(set.group(3)).append("' ");
            } else if ((called || !isPowerShells(command.head())) && !command.head().isEmpty()) {
                out.add(variables + asShell(executable(command.text().startsWith("&") ? command.text().substring(1).strip() : command.text())));
            }
        }
        return out;
    }

    /** {@code $env:NAME = "literal"}: a variable of this session, set to a value known here. */
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("(?i)\\$env:(\\w+)\\s*=\\s*(['\"])([^'\"$`]*)\\2");

    /** {@code $s = …} before a command: the value is what the command prints, and the command still runs. */
    private static final java.util.regex.Pattern CAPTURE = java.util.regex.Pattern.compile("^\\$[\\w:]+\\s*=(?!=)\\s*");

    /** The command an assignment runs ({@code $s = az keyvault secret show …} runs az), or the command itself. */
    private static Command assigned(Command command) {
        if (!command.text().startsWith("$")) {
            return command;
        }
        java.util.regex.Matcher m = CAPTURE.matcher(command.text());
        return m.find() ? new Command(command.start() + m.end(), command.text().substring(m.end())) : command;
    }

    private static final java.util.regex.Pattern EXE = java.util.regex.Pattern.compile("(?i)^(['\"]?)(?:[^'\"]*[\\\\/])?([^'\"\\\\/\\s]+)\\.exe\\1(?=\\s|$)");

    /** {@code 'C:\\Program Files\\Git\\bin\\git.exe' clean -fdx} is {@code git clean -fdx}: a program is known by its name. */
    private static String executable(String command) {
        java.util.regex.Matcher m = EXE.matcher(command);
        return m.find() ? m.group(2).toLowerCase(Locale.ROOT) + command.substring(m.end()) : command;
    }

    private static String asShell(String command) {
        StringBuilder out = new StringBuilder(command.length() + 8);
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != '\'' && c == '`' && i + 1 < command.length()) {
                out.append(command.charAt(++i));
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"') || quote == c) {
                quote = quote == 0 ? c : 0;
            }
            if (quote != '\'' && c == '$' && command.regionMatches(true, i, "$env:", 0, 5)) {
                out.append('$');
                i += 4;
                continue;
            }
            out.append(c);
            if (c == '\\' && quote != '\'') {
                out.append('\\');
            }
        }
        return out.toString();
    }

    /**
     * A command line written in PowerShell rather than a POSIX shell: one of its commands, outside quotes, starts
     * with a cmdlet spelled as PowerShell spells them ({@code Get-ChildItem}, {@code Stop-Service}), or it pipes into
     * {@code iex}, or it starts with the call operator on a quoted path ({@code & "C:\…\MSBuild.exe" …}). Lowercase {@code update-alternatives} and the like stay the programs they are.
     */
    public static boolean isPowerShellLine(String line) {
        if (settingLine(line) || callsQuotedProgram(line)) {
            return true;
        }
        if (!mayHoldCmdlet(line) && !line.contains("iex")) {
            return false; // every request passes here: most have no "Verb-Noun" at all, and are done in one scan
        }
        for (Command command : commands(line)) {
            String head = command.head();
            if (head.length() > 3 && Character.isUpperCase(head.charAt(0)) && isCmdlet(head)
                    && Character.isUpperCase(head.charAt(head.indexOf('-') + 1))) {
                return true;
            }
            if (head.equalsIgnoreCase("iex") && command.start() > 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code $env:NAME = …} or a call of .NET's {@code [Environment]} class: PowerShell's way to set a variable. */
    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:\\$env:\\w+\\s*[+]?=(?!=)|\\[(?:System\\.)?Environment\\]::).*", java.util.regex.Pattern.DOTALL);

    private static boolean settingLine(String line) {
        int at = 0;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at < line.length() && (line.charAt(at) == '$' || line.charAt(at) == '[') && SETTING.matcher(line).matches();
    }

    /**
     * PowerShell's call operator before a quoted program path, how a program under {@code C:\Program Files} is run: no
     * POSIX shell line can start with {@code &}.
     */
    private static boolean callsQuotedProgram(String line) {
        String t = line.stripLeading();
        if (t.length() < 3 || t.charAt(0) != '&') {
            return false;
        }
        String rest = t.substring(1).stripLeading();
        return !rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'');
    }

    /** A lower-case letter, a dash, an upper-case letter: how every cmdlet PowerShell ships is spelled ({@code Get-Item}). */
    private static boolean mayHoldCmdlet(String line) {
        for (int i = line.indexOf('-'); i > 0 && i + 1 < line.length(); i = line.indexOf('-', i + 1)) {
            if (Character.isLowerCase(line.charAt(i - 1)) && Character.isUpperCase(line.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@code line} as the shell command that hands it to PowerShell, quoted so that the shell changes nothing in it. */
    public static String asCommandLine(String line) {
        return "pwsh -NoProfile -Command '" + line.replace("'", "'\\''") + "'";
    }
}
