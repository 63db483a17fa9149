package dev.interlock.analysis.shell.recognizers.fleet;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Particle's {@code particle} ({@code particle flash DEVICE firmware.bin}, {@code particle call DEVICE fn arg}): flashing,
 * calling a cloud function and publishing an event change devices in the field, placed by the device's name as a
 * {@code host}; {@code --product} events reach every device of the product. Flashing over USB ({@code --local},
 * {@code --usb}, {@code --serial}), compiling and the USB/serial tools stay on this machine; variables, listings and
 * subscriptions only read; {@code token create} mints a credential.
 */
final class ParticleCli {

    private ParticleCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "list get subscribe whoami monitor", read("device"))
            .add("variable", "list get monitor", read("variable"))
            .add("function", "list", read("function"))
            .add("function", "call", execute("function").note("runs a cloud function on the device"))
            .add("", "call", execute("function").note("runs a cloud function on the device"))
            .add("", "flash", update("device").note("flashes firmware over the air"))
            .add("", "publish", update("event").note("publishes an event the subscribed devices act on"))
            .add("", "nyan signal", update("device"))
            .add("device", "add claim", create("device"))
            .add("device", "remove", delete("device"))
            .add("device", "rename", update("device"))
            .add("device", "doctor", local("device"))
            .add("cloud", "list", read("device"))
            .add("cloud", "claim", create("device"))
            .add("cloud", "remove", delete("device"))
            .add("cloud", "name nyan", update("device"))
            .add("cloud", "flash", update("device").note("flashes firmware over the air"))
            .add("cloud", "compile login logout", local("firmware"))
            .add("product", "device list", read("device"))
            .add("product", "device add", create("device"))
            .add("product", "device remove", delete("device"))
            .add("webhook", "list", read("webhook"))
            .add("webhook", "create", create("webhook"))
            .add("webhook", "delete", delete("webhook"))
            .add("token", "list", read("access-token"))
            .add("token", "create", credential("access-token").note("mints an access token to the Particle account"))
            .add("token", "revoke", update("access-token"))
            .add("env", "list", read("variable"))
            .add("env", "set unset patch", update("variable"))
            .add("keys", "send", update("device-key"))
            .add("library", "publish upload", update("library"))
            .add("", "compile login logout setup usb serial update identify keys library config project preprocess bundle "
                    + "binary udp doctor update-cli help version mesh", local("firmware"))
            .build();
    private static final Set<String> VALUED = Set.of("--saveTo", "--target", "--product", "--port", "--baud", "--follow",
            "--token", "--username", "--password", "--expires-in", "--name", "--org", "--data", "--params");
    /** Flashing through a cable, not over the air. */
    private static final Set<String> CABLE = Set.of("--local", "--usb", "--serial", "--factory");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "device");
        CommandTable.Act act = found.act();
        String command = found.command();
        if ((command.equals("flash") || command.equals("cloud flash")) && p.has(CABLE.toArray(String[]::new))) {
            act = local("device").note("flashes a device on this machine's USB or serial port");
        }
        if (command.endsWith("publish") && (p.has("--product") || p.has("--public"))) {
            act = act.many().note("publishes an event every device of the product acts on");
        }
        String operand = found.name(words);
        boolean device = act.type().equals("device") || act.type().equals("function") || act.type().equals("variable");
        // the product's id or slug as it is: "product 18842" would read as production to a *prod* pattern
        String where = p.value("--product").orElse(device ? operand : "");
        return FleetRecognizer.operation(inv, act, operand, p.has("--product") ? "project" : "host", where);
    }
}
