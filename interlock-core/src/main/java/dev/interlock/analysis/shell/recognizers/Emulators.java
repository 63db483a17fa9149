package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.environment.Hosts;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud services' emulators on this machine (LocalStack, Azurite, Google's Pub/Sub, Firestore, Datastore, Bigtable,
 * Spanner and Storage emulators, Firebase's): which addresses are one, and the variable that points each Google
 * service's clients at its emulator. One table for code that calls the client libraries, the {@code gcloud} CLI and
 * Firebase's CLI. Work against an emulator is a local sandbox: it holds nothing anyone else uses.
 */
public final class Emulators {

    private Emulators() {
    }

    /** The variable each Google service's client libraries (and Firebase's CLI) read for their emulator's address. */
    public static final Map<String, String> GOOGLE_VARIABLES = Map.of("pubsub", "PUBSUB_EMULATOR_HOST",
            "firestore", "FIRESTORE_EMULATOR_HOST", "datastore", "DATASTORE_EMULATOR_HOST",
            "bigtable", "BIGTABLE_EMULATOR_HOST", "spanner", "SPANNER_EMULATOR_HOST", "storage", "STORAGE_EMULATOR_HOST",
            "auth", "FIREBASE_AUTH_EMULATOR_HOST", "database", "FIREBASE_DATABASE_EMULATOR_HOST");

    /** gcloud command groups with an emulator, and the API whose endpoint gcloud's override names. */
    private static final Map<String, String> GCLOUD_APIS = Map.of("pubsub", "PUBSUB", "firestore", "FIRESTORE",
            "datastore", "DATASTORE", "bigtable", "BIGTABLEADMIN", "spanner", "SPANNER", "storage", "STORAGE");

    /** A loopback address, Docker's host, or a host named for an emulator (a compose service such as {@code pubsub-emulator}). */
    public static boolean local(String host) {
        return Hosts.loopback(host) || host.equals("host.docker.internal")
                || Regex.matches(host, "azurite|localstack|[\\w-]*emulator[\\w-]*");
    }

    /** An endpoint named in an Azure Storage connection string: {@code BlobEndpoint=http://127.0.0.1:10000/…}. */
    private static final java.util.regex.Pattern STORAGE_ENDPOINT = java.util.regex.Pattern.compile("(?i)(?:Blob|Queue|Table|File)Endpoint=([^;\\s]+)");

    /**
     * Why an Azure Storage connection string (or a blob endpoint) reaches Azurite on this machine, or empty: the
     * development-storage shorthand, or endpoints that are all local. The well-known {@code devstoreaccount1} name alone
     * proves nothing, since the endpoints decide where the requests go.
     */
    public static Optional<String> azurite(String connection) {
        if (connection.isBlank()) {
            return Optional.empty();
        }
        if (connection.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("usedevelopmentstorage=true")) {
            return Optional.of("UseDevelopmentStorage=true targets Azurite, the storage emulator on this machine");
        }
        java.util.regex.Matcher m = STORAGE_ENDPOINT.matcher(connection.contains("=") ? connection : "BlobEndpoint=" + connection);
        String host = "";
        while (m.find()) {
            String h = Hosts.of(m.group(1));
            if (!local(h)) {
                return Optional.empty();
            }
            host = h;
        }
        return host.isEmpty() ? Optional.empty() : Optional.of("the storage endpoint is Azurite on this machine (" + host + ")");
    }

    /**
     * Why a gcloud command of the group {@code group} ({@code pubsub}, {@code firestore}, …) reaches an emulator on this
     * machine, or empty. gcloud follows its endpoint override ({@code CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB=
     * http://localhost:8085/}); the client libraries' {@code PUBSUB_EMULATOR_HOST} it does not read, so that variable
     * counts only beside a project that exists in no cloud ({@code demo-…}, a {@code local} one): with a real project
     * the command reaches that project.
     */
    public static Optional<String> gcloud(String group, String project, Map<String, String> env) {
        String api = GCLOUD_APIS.get(group);
        if (api == null) {
            return Optional.empty();
        }
        String override = env.getOrDefault("CLOUDSDK_API_ENDPOINT_OVERRIDES_" + api, "");
        if (!override.isBlank()) {
            String host = Hosts.of(override);
            return local(host) ? Optional.of("CLOUDSDK_API_ENDPOINT_OVERRIDES_" + api + " points gcloud at the emulator on " + host)
                    : Optional.empty();
        }
        String variable = GOOGLE_VARIABLES.get(group);
        String emulator = variable == null ? "" : env.getOrDefault(variable, "");
        if (!emulator.isBlank() && local(Hosts.of(emulator)) && Regex.matches(project, "(?i)demo-.*|(.*-)?local(-.*)?")) {
            return Optional.of(variable + " is set to " + emulator + " and the project " + project + " exists only in the emulator");
        }
        return Optional.empty();
    }
}
