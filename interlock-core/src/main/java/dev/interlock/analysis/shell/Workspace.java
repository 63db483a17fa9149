package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where the agent works: its working directory (the workspace root), the user's home, and the current directory
 * ({@code dir}: the workspace root until a {@code cd} earlier in the command line moves it). Relative paths resolve
 * against {@code dir}; {@link Area}s are judged against the workspace root, so recognizers can tell routine work
 * inside the workspace from damage elsewhere.
 */
public record Workspace(String cwd, String home, String dir) {

    /** Where a path lies, from harmless to catastrophic. */
    public enum Area {
        /** Inside the workspace (the cwd or below). */
        WORKSPACE,
        /** /tmp, /var/tmp, $TMPDIR: disposable by definition. */
        TEMP,
        /** Inside the home directory but outside the workspace. */
        HOME,
        /** The home directory itself, or the workspace root itself. */
        HOME_ROOT,
        /** System directories: /etc, /usr, /var, /boot, /bin, … */
        SYSTEM,
        /** The filesystem root. */
        ROOT,
        /** Anywhere else (another user's files, mounted volumes). */
        OTHER;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final List<String> SYSTEM_DIRS = List.of("/etc", "/usr", "/var", "/boot", "/bin", "/sbin", "/lib",
            "/lib32", "/lib64", "/opt", "/srv", "/root", "/sys", "/proc", "/dev", "/run", "/snap", "/System",
            "/Library", "/Applications", "/private", "/mnt", "/media");
    private static final List<String> TEMP_DIRS = List.of("/tmp", "/var/tmp", "/private/tmp", "/dev/shm");

    public Workspace {
        cwd = cwd == null || cwd.isBlank() ? "/workspace" : normalize(cwd, "/");
        home = home == null || home.isBlank() ? guessHome(cwd) : normalize(home, "/");
        dir = dir == null || dir.isBlank() ? cwd : normalize(dir, cwd);
    }

    public Workspace(String cwd, String home) {
        this(cwd, home, null);
    }

    public static Workspace of(String cwd) {
        return new Workspace(cwd, null);
    }

    /** The same workspace with the current directory moved ({@code cd DIR}). */
    public Workspace withDirectory(String directory) {
        return new Workspace(cwd, home, resolve(directory));
    }

    /** The home a request names: {@code HOME}, or on Windows {@code USERPROFILE}. */
    public static Workspace of(String cwd, java.util.Map<String, String> env) {
        String home = env.get("HOME");
        return new Workspace(cwd, home != null ? home : env.get("USERPROFILE"));
    }

    /** /home/dev/project → /home/dev; /Users/ann/x → /Users/ann; /root/x → /root; /C:/Users/ann/x → /C:/Users/ann. */
    private static String guessHome(String cwd) {
        String[] parts = cwd.split("/");
        if (parts.length >= 4 && isDrive(parts[1]) && parts[2].equalsIgnoreCase("Users")) {
            return "/" + parts[1] + "/" + parts[2] + "/" + parts[3];
        }
        if (parts.length >= 3 && (parts[1].equals("home") || parts[1].equals("Users"))) {
            return "/" + parts[1] + "/" + parts[2];
        }
        if (parts.length >= 2 && parts[1].equals("root")) {
            return "/root";
        }
        return "/home/user";
    }

    /**
     * Below the user's own directory on a cluster's scratch filesystem ({@code /scratch/alice/run1},
     * {@code /lustre/scratch/alice/…}, {@code /gpfs/scratch/proj/alice/…}): sites purge scratch on a schedule, so what
     * is there is disposable as in {@code /tmp}. Another user's or a project's directory is not the user's.
     */
    private boolean ownScratch(String abs) {
        if (!abs.contains("/scratch")) {
            return false;
        }
        String user = home.substring(home.lastIndexOf('/') + 1);
        return !user.isEmpty() && !user.equals("user") && !user.equals("root")
                && Regex.find(abs, "^(/[^/]+){0,2}/scratch[^/]*/([^/]+/)?" + java.util.regex.Pattern.quote(user) + "/[^/]");
    }

    /** Resolves {@code path} as the shell would: {@code ~} to home, relative to cwd, {@code .}/{@code ..} folded. */
    public String resolve(String path) {
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = home + p.substring(1);
        } else if (p.startsWith("$HOME") || p.startsWith("${HOME}")) {
            p = home + p.substring(p.indexOf('E') + (p.startsWith("${") ? 2 : 1));
        }
        return normalize(p, dir);
    }

    /**
     * Whether moving {@code source} to {@code destination} takes the user's or the project's files to where the system
     * clears them ({@code mv data /tmp/old}): as good as deleting them.
     */
    public boolean clearedAway(String source, String destination) {
        Area from = area(source);
        // the user's scratch is purged weeks later, not cleared: results moved there are kept for now
        return (from == Area.HOME || from == Area.WORKSPACE) && !ownScratch(resolve(destination + "/x"))
                && (area(destination) == Area.TEMP || area(destination + "/x") == Area.TEMP);
    }

    public Area area(String path) {
        String abs = resolve(path);
        if (abs.equals("/")) {
            return Area.ROOT;
        }
        if (abs.equals(cwd) || abs.equals(home)) {
            return Area.HOME_ROOT;
        }
        for (String temp : TEMP_DIRS) {
            if (under(abs, temp) && !abs.equals(temp)) {
                return Area.TEMP;
            }
        }
        if (abs.length() >= 3 && abs.charAt(2) == ':' && isDrive(abs.substring(1, 3)) && windowsArea(abs) == Area.TEMP) {
            return Area.TEMP; // a profile's AppData\Local\Temp is temp before it is home, as /tmp is before /
        }
        if (under(abs, "/etc") || under(abs, "/boot")) {
            return Area.SYSTEM; // the machine's configuration, even when the agent works in it (cwd /etc/nginx)
        }
        if (under(abs, cwd)) {
            return Area.WORKSPACE;
        }
        if (under(abs, home)) {
            return Area.HOME;
        }
        if (Regex.matches(abs, "/(home|Users)/[^/]+")) {
            return Area.HOME_ROOT;
        }
        if (abs.length() >= 3 && abs.charAt(2) == ':' && isDrive(abs.substring(1, 3))) {
            return windowsArea(abs);
        }
        if (ownScratch(abs)) {
            return Area.TEMP;
        }
        for (String dir : SYSTEM_DIRS) {
            if (under(abs, dir)) {
                return Area.SYSTEM;
            }
        }
        if (abs.equals("/home") || abs.equals("/Users") || TEMP_DIRS.contains(abs)) {
            return Area.SYSTEM;
        }
        return Area.OTHER;
    }

    /** {@code C:}: a drive letter and its colon. */
    private static boolean isDrive(String part) {
        return part.length() == 2 && part.charAt(1) == ':' && Character.isLetter(part.charAt(0)) && part.charAt(0) < 128;
    }

    /** A Windows path ({@code C:\\x}, {@code C:/x}, or {@code /C:/x} once normalized). */
    private static boolean isWindows(String path) {
        return path.length() >= 2 && isDrive(path.substring(0, 2))
                || path.length() >= 3 && path.charAt(0) == '/' && isDrive(path.substring(1, 3));
    }

    /** A drive's root, the system's directories, a profile and its temp directory, the way Windows lays them out. */
    private static Area windowsArea(String abs) {
        String p = abs.substring(3).toLowerCase(java.util.Locale.ROOT);
        if (p.isEmpty()) {
            return Area.ROOT;
        }
        if (Regex.matches(p, "/users/[^/]+/appdata/local/temp/.+|/windows/temp/.+|/temp/.+|/tmp/.+")) {
            return Area.TEMP;
        }
        if (Regex.matches(p, "/users(/[^/]+)?")) {
            return p.equals("/users") ? Area.SYSTEM : Area.HOME_ROOT;
        }
        if (Regex.matches(p, "/(windows|program files|program files \\(x86\\)|programdata|system volume information|boot|recovery)(/.*)?")) {
            return Area.SYSTEM;
        }
        return Area.OTHER;
    }

    static boolean under(String path, String dir) {
        if (dir.endsWith("/")) {
            return path.startsWith(dir) || path.equals(dir.substring(0, dir.length() - 1));
        }
        return path.startsWith(dir) && (path.length() == dir.length() || path.charAt(dir.length()) == '/');
    }

    static String normalize(String path, String base) {
        if (isWindows(base) || isWindows(path)) {
            // Windows: backslashes separate, C:\x is /C:/x (the drive letter upper case), a relative path joins the base
            path = path.replace('\\', '/');
            if (isDrive(path.length() >= 2 ? path.substring(0, 2) : path)) {
                path = "/" + Character.toUpperCase(path.charAt(0)) + path.substring(1);
            }
        }
        String joined = path.startsWith("/") ? path : base + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
