package dev.interlock.analysis.shell.recognizers;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Files that hold secrets: keys, cloud and registry credentials, dotenv files, Terraform state, shadow passwords. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Matched against the resolved absolute path. */
    private static final List<Pattern> PATHS = List.of(
            Pattern.compile(".*/\\.aws/(credentials|sso/cache/.*|cli/cache/.*)"),
            Pattern.compile(".*/\\.kube/config(\\..*)?|.*/\\.kube/.*\\.kubeconfig|.*/kubeconfig(\\.ya?ml)?"),
            Pattern.compile(".*/\\.ssh/(id_[^/]*|[^/]*\\.pem|[^/]*_rsa|[^/]*_ed25519|[^/]*_ecdsa)"),
            Pattern.compile(".*/\\.docker/config\\.json"),
            Pattern.compile(".*/\\.config/gh/hosts\\.ya?ml"),
            Pattern.compile(".*/\\.config/gcloud/(credentials\\.db|access_tokens\\.db|application_default_credentials\\.json|legacy_credentials/.*)"),
            Pattern.compile(".*/\\.azure/(?!config$)[^/]+"),
            Pattern.compile(".*/\\.gnupg/private-keys.*|.*/\\.gnupg/secring.*"),
            Pattern.compile("/etc/(shadow|gshadow|sudoers|master\\.passwd)(-|\\.d/.*)?"),
            Pattern.compile("/etc/(ssl|pki)/private/.*"),
            Pattern.compile(".*/\\.config/op/.*|.*/\\.password-store/.*"),
            Pattern.compile("/proc/[^/]+/environ"),
            // Interlock's tokens and its database (which holds token hashes and approvals)
            Pattern.compile(".*/interlock/([^/]*token[^/]*|[^/]*\\.db(-wal|-shm|-journal)?)"));

    /** Matched against the file name alone. */
    private static final Pattern NAMES = Pattern.compile(
            "\\.env|\\.envrc|\\.env\\.(?!(example|sample|template|dist|defaults|schema)$)[^/]+|.*\\.env"
                    + "|.*\\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk|tfstate|tfstate\\.backup)"
                    + "|id_(rsa|dsa|ecdsa|ed25519)|\\.netrc|_netrc|\\.npmrc|\\.pypirc|\\.git-credentials|\\.pgpass"
                    + "|\\.my\\.cnf|\\.htpasswd|\\.vault-token|\\.s3cfg|\\.boto"
                    + "|secrets?\\.(ya?ml|json|toml|env)|credentials(\\.json|\\.ya?ml|\\.csv)?|service[-_]account.*\\.json"
                    + "|.*-key\\.json|client_secrets?\\.json|token\\.json|auth\\.json");

    /** Names that look like secrets but are templates or public halves. */
    private static final Pattern HARMLESS = Pattern.compile(
            ".*\\.pub|.*\\.(example|sample|template|dist)(\\..*)?|.*\\.(md|txt|go|py|java|ts|js|rb|rs)|package-lock\\.json");

    public static boolean isSecret(String resolvedPath) {
        String name = LocalFiles.basename(resolvedPath);
        String lower = name.toLowerCase(Locale.ROOT);
        if (HARMLESS.matcher(lower).matches() && !lower.startsWith(".env.")) {
            return false;
        }
        if (NAMES.matcher(lower).matches() && !lower.equals("credentials.md")) {
            return true;
        }
        for (Pattern p : PATHS) {
            if (p.matcher(resolvedPath).matches()) {
                return true;
            }
        }
        return false;
    }
}
