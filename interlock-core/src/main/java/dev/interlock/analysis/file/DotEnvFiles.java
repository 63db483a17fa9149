package dev.interlock.analysis.file;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A development {@code .env} file written with local settings only ({@code PORT=3000},
 * {@code QUEUE_URL=http://localhost:4566/…}, {@code PUBSUB_EMULATOR_HOST=localhost:8085}) holds no secret and points at
 * nothing shared: an ordinary project file. A secret-named variable, a value with credentials in it, a host that is
 * not this machine, or a production or staging file keeps the edit a change of a credential file.
 */
final class DotEnvFiles {

    private DotEnvFiles() {
    }

    /** Files a project keeps for work on this machine ({@code .env}, {@code .env.local}, {@code .env.development}, {@code .env.test}). */
    private static final Pattern LOCAL_FILE = Pattern.compile("\\.env(\\.(local|dev|development|test|testing)(\\.local)?)?");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASS|PWD|CREDENTIAL|PRIVATE|AUTH|CERT|SALT|SIGNING|COOKIE|SESSION|DSN).*");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");
    /** A value that names nothing beyond this machine: words, numbers, paths, or a URL or host:port on loopback. */
    private static final Pattern LOCAL_VALUE = Pattern.compile("[\\w\\-/,:]*|[0-9.]+|(?:[a-z][a-z0-9+]*://)?(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0"
            + "|host\\.docker\\.internal|[\\w-]+\\.localhost)(:\\d+)?(/[\\w\\-./]*)?");

    static boolean ordinary(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (content == null || !LOCAL_FILE.matcher(name).matches()) {
            return false;
        }
        for (String line : content.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            var a = ASSIGNMENT.matcher(l);
            if (!a.matches() || SECRET_NAME.matcher(a.group(1).toUpperCase(Locale.ROOT)).matches()) {
                return false;
            }
            String value = a.group(2).strip().replaceAll("^([\"'])(.*)\\1$", "$2");
            if (!LOCAL_VALUE.matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }
}
