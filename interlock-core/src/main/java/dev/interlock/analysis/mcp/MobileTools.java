package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Mobile automation servers (mobile-mcp's {@code mobile_*} tools). Looking at a device (devices, apps, screen, elements,
 * screenshots) is a read. What changes the device is judged by the device the call names: an Android emulator's serial
 * ({@code emulator-5554}) is {@code adb -s SERIAL …} and an iOS simulator's UUID is {@code xcrun simctl …}, both
 * disposable devices on this machine; any other device (a phone on USB or the network, or none named) may be someone's
 * phone, so a change there is placed nowhere (unknown).
 */
final class MobileTools {

    private MobileTools() {
    }

    private static final Pattern EMULATOR = Pattern.compile("emulator-\\d+");
    /** Simulators are named by a UUID; physical iPhones by a 25- or 40-character UDID of another shape. */
    private static final Pattern SIMULATOR = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static String device(McpCall c) {
        return c.text("device", "deviceId", "device_id", "udid", "serial");
    }

    private static List<Operation> look(McpCall c) {
        return List.of(c.op("device", Verb.READ, "device", device(c)).confidence(Confidence.INFERRED)
                .environment(Tier.LOCAL, "looks at a device attached to this machine").note("reads the device's state or screen").build());
    }

    /**
     * A change on the device: on an emulator or simulator the command that does it there; elsewhere a change of that
     * device that nothing places.
     */
    private static Function<McpCall, List<Operation>> change(Verb verb, String what, List<String> adb, List<String> simctl, String... subject) {
        return c -> {
            String device = device(c);
            String object = c.text(subject);
            if (EMULATOR.matcher(device).matches() && !adb.isEmpty()) {
                return c.analyses().shell(Shell.join(concat(List.of("adb", "-s", device), adb, object)));
            }
            if (SIMULATOR.matcher(device).matches() && !simctl.isEmpty()) {
                return c.analyses().shell(Shell.join(concat(List.of("xcrun", "simctl", simctl.getFirst(), device),
                        simctl.subList(1, simctl.size()), object)));
            }
            boolean sandbox = EMULATOR.matcher(device).matches() || SIMULATOR.matcher(device).matches();
            Operation.Builder b = c.op("device", verb, "device", device.isEmpty() ? c.server() : device).confidence(Confidence.INFERRED)
                    .note(what + (object.isEmpty() ? "" : " (" + object + ")") + " on " + (device.isEmpty() ? "the selected device" : device));
            if (sandbox) {
                b.environment(Tier.LOCAL, "an emulator or simulator on this machine");
            }
            return List.of(b.build());
        };
    }

    private static List<String> concat(List<String> head, List<String> tail, String object) {
        List<String> out = new java.util.ArrayList<>(head);
        out.addAll(tail);
        out.add(object);
        return out;
    }

    private static final List<String> LOOKS = List.of("list_available_devices", "use_device", "use_default_device", "list_apps",
            "get_screen_size", "list_elements_on_screen", "take_screenshot", "get_orientation");

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new java.util.HashMap<>();
        LOOKS.forEach(t -> tools.put("mobile_" + t, MobileTools::look));
        tools.put("mobile_save_screenshot", c -> c.analyses().files(List.of(
                new FileChange(c.text("saveTo", "path"), FileChange.Action.WRITE, "", ""))));
        tools.put("mobile_install_app", change(Verb.CREATE, "installs an app", List.of("install", "-r"), List.of("install"), "path"));
        tools.put("mobile_uninstall_app", change(Verb.DELETE, "uninstalls an app and its data", List.of("uninstall"),
                List.of("uninstall"), "bundle_id", "packageName", "package_name", "bundleId"));
        tools.put("mobile_launch_app", change(Verb.EXECUTE, "starts an app", List.of("shell", "monkey", "-p"), List.of("launch"),
                "packageName", "package_name", "bundle_id", "bundleId"));
        tools.put("mobile_terminate_app", change(Verb.EXECUTE, "stops an app", List.of("shell", "am", "force-stop"), List.of("terminate"),
                "packageName", "package_name", "bundle_id", "bundleId"));
        tools.put("mobile_open_url", change(Verb.EXECUTE, "opens a URL", List.of("shell", "am", "start", "-a", "android.intent.action.VIEW", "-d"),
                List.of("openurl"), "url"));
        for (String t : List.of("click_on_screen_at_coordinates", "double_tap_on_screen", "long_press_on_screen_at_coordinates",
                "press_button", "swipe_on_screen", "type_keys", "set_orientation")) {
            tools.put("mobile_" + t, change(Verb.EXECUTE, "acts on the screen", List.of("shell", "input"), List.of(), "button", "text"));
        }
        return Map.copyOf(tools);
    }

    static final ToolFamily FAMILY = new ToolFamily("mobile", c -> c.tool().startsWith("mobile_"), tools());
}
