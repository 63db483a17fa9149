package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Device management (MDM) APIs called by hand: Jamf Pro ({@code *.jamfcloud.com} or a jamf host; {@code /api/…},
 * {@code /JSSResource/…}), Kandji ({@code *.api.kandji.io}), Mosyle ({@code managerapi.mosyle.com}) and Microsoft
 * Graph's Intune endpoints. Inventory GETs read; GETs that return a machine's secrets — FileVault recovery keys, LAPS
 * admin passwords, lock PINs, recovery-lock passwords, Kandji's {@code /secrets/}, Graph's BitLocker keys and local
 * credentials — are credential reads. A command that erases or retires a device loses what is on it; lock, restart and
 * other commands change it; a script or policy scoped to all computers reaches every one. Mosyle takes every call as
 * a POST whose body's {@code operation} says what it does, so a {@code list} only reads.
 */
final class DeviceManagementApis {

    private DeviceManagementApis() {
    }

    /** Paths whose GET answer is a secret of the managed machine. */
    private static final Pattern SECRETS = Pattern.compile("(?i)/filevault|local-admin-password/.*/password|/laps\\b"
            + "|view-device-lock-pin|device-lock-pin|recovery-lock-password|/secrets/|/bitlocker/recoverykeys/[^/]+"
            + "|/devicelocalcredentials/[^/]+|/activationlockbypass|/filevaultkey|unlockpin|bypasscode");
    /** Commands (Jamf's command types, Kandji's actions, Graph's device actions, Mosyle's operations) that erase or remove. */
    private static final Pattern ERASES = Pattern.compile("(?i)erase|wipe|retire|cleanwindowsdevice|delete|remove|unenroll");
    /** Mosyle operations and Jamf command types that only read. */
    private static final Pattern READS = Pattern.compile("(?i)\"operation\"\\s*:\\s*\"(list|get|info|search)[a-z_]*\"");
    private static final Pattern ALL_COMPUTERS = Pattern.compile("(?i)all_computers>\\s*true|\"all_?computers\"\\s*:\\s*true");

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url).toLowerCase(Locale.ROOT);
        String system = system(host, url);
        if (system.isEmpty()) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        String text = String.join(" ", body);
        String verb = method.isEmpty() ? body.isEmpty() ? "GET" : "POST" : method;
        Operation.Builder b;
        if (verb.equals("GET") || verb.equals("HEAD")) {
            boolean secret = SECRETS.matcher(url).find();
            b = Operation.builder(system, secret ? Verb.CREDENTIAL : Verb.READ).resource(secret ? "device-secret" : "device", path)
                    .note(secret ? "returns a managed machine's secret (recovery key, admin password or PIN)" : "reads device inventory");
        } else if (system.equals("mosyle") && READS.matcher(text).find()) {
            b = Operation.builder(system, Verb.READ).resource("device", path).note("a Mosyle list call: it only reads");
        } else if (verb.equals("DELETE") || ERASES.matcher(path + " " + text).find()) {
            b = Operation.builder(system, Verb.DELETE).resource("device", path).stateful(true).reversible(false)
                    .note(verb.equals("DELETE") ? "deletes " + path + " from device management"
                            : "erases, retires or removes a managed device: what is on it is lost");
        } else {
            b = Operation.builder(system, verb.equals("POST") ? Verb.CREATE : Verb.UPDATE).resource("device", path)
                    .note("changes managed devices or what runs on them");
        }
        if (ALL_COMPUTERS.matcher(text).find()) {
            b.scope(Scope.ALL).note("reaches every managed computer");
        }
        return Optional.of(List.of(b.locator("host", host).evidence(inv.evidence()).build()));
    }

    /** The MDM a request goes to, by its host (and Graph's Intune paths); "" for any other request. */
    private static String system(String host, String url) {
        if (host.endsWith(".jamfcloud.com") || host.contains("jamf") && Regex.find(url, "/(api/v[0-9]+|JSSResource|uapi)/")) {
            return "jamf";
        }
        if (host.endsWith(".kandji.io")) {
            return "kandji";
        }
        if (host.endsWith("mosyle.com")) {
            return "mosyle";
        }
        if (host.equals("graph.microsoft.com") && Regex.find(url, "(?i)/(deviceManagement|informationProtection/bitlocker|directory/deviceLocalCredentials)")) {
            return "intune";
        }
        return "";
    }
}
