package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration files that keep their service's passwords, tokens and keys beside its other settings: Java
 * {@code .properties} ({@code mirth.properties}, Spring's {@code application.properties}), {@code .conf}, {@code .cnf},
 * {@code .ini} and {@code .cfg} files, Spring's {@code application.yml}, Hadoop's {@code *-site.xml} (Hive's metastore password), Django's {@code settings.py}, WordPress's
 * {@code wp-config.php}, Tomcat's user and context files. Reading one is ordinary; searching one for its
 * password/secret/token lines prints exactly the credentials. Source code is not among them.
 */
final class ConfigSecrets {

    private ConfigSecrets() {
    }

    private static final Pattern CONFIG_FILES = Pattern.compile(
            ".*\\.(properties|conf|cnf|ini|cfg)|application(-[^/]+)?\\.ya?ml|(local_)?settings(\\.local|_[a-z]+)?\\.py"
                    + "|wp-config\\.php|tomcat-users\\.xml|context\\.xml|server\\.xml|standalone(-[^/]+)?\\.xml"
                    // Hadoop's *-site.xml (hive-site.xml's javax.jdo.option.ConnectionPassword, ranger-*-site.xml, ssl-server.xml)
                    + "|[a-z0-9-]+-site\\.xml|ssl-(server|client)\\.xml");

    /** A server's own configuration in any format: under {@code /etc} or an installed product's {@code conf} directory. */
    private static final Pattern SERVER_CONFIG = Pattern.compile(
            "(/etc|/opt/[^/]+(/[^/]+)?/(conf|config|etc))/.+\\.(ya?ml|json|toml|xml|env)");

    /** grep's options that print only names, counts or nothing: the lines (and the secrets on them) stay unseen. */
    static final Set<String> NO_LINES = Set.of("-l", "--files-with-matches", "-L", "--files-without-match", "-c", "--count",
            "-q", "--quiet", "--silent");

    /** True when {@code path} (or a glob over such files, {@code /etc/app/*.conf}) is a configuration file of the class. */
    static boolean holdsSecrets(String path) {
        return CONFIG_FILES.matcher(LocalFiles.basename(path).toLowerCase(Locale.ROOT)).matches()
                || SERVER_CONFIG.matcher(path).matches();
    }
}
