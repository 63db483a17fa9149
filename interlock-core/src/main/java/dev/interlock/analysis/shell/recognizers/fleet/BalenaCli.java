package dev.interlock.analysis.shell.recognizers.fleet;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Set;

/**
 * The balena CLI ({@code balena push acme/sensors-prod}, {@code balena device rm UUID}, {@code balena env add K V
 * --fleet F}). A fleet is named by {@code --fleet} (older {@code --application}) or by the operand of the fleet
 * commands, and placed by the inventory as an {@code app}; a device is a UUID that says nothing about where it is.
 * {@code balena push} to an IP address or {@code .local} name is local mode, which only development images accept.
 */
final class BalenaCli {

    private BalenaCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "devices fleets apps releases envs tags keys logs whoami orgs organizations api-keys settings version "
                    + "device fleet release key support-status notes", read("fleet"))
            .add("device", "list", read("device"))
            .add("device", "identify", read("device").note("blinks the device's LED"))
            .add("device", "rm remove deactivate", delete("device").note("the device leaves its fleet and must be provisioned again on site"))
            .add("device", "purge", delete("device-data").losesData().note("wipes the device's /data volume"))
            .add("device", "os-update", update("device").note("updates the host OS over the air; a failed update can brick the device"))
            .add("device", "restart reboot shutdown start-service stop-service restart-service move rename pin track-fleet "
                    + "local-mode public-url note", update("device"))
            .add("device", "register init", create("device"))
            .add("device", "ssh", execute("device"))
            .add("device", "detect", local("device"))
            .add("device-type", "list", read("device-type"))
            .add("fleet", "list", read("fleet"))
            .add("fleet", "create", create("fleet"))
            .add("fleet", "rm remove", delete("fleet").all().note("deletes the fleet with all its devices and releases"))
            .add("fleet", "purge", delete("fleet").losesData().many().note("wipes the /data volume of every device in the fleet"))
            .add("fleet", "restart rename pin track-latest", update("fleet").many())
            .add("release", "list", read("release"))
            .add("release", "finalize invalidate validate", update("release").many())
            .add("", "push deploy", update("fleet").many().note("builds a release that every device of the fleet runs next"))
            .add("", "join leave", update("device"))
            .add("env", "list", read("variable"))
            .add("env", "add set rm remove rename", update("variable"))
            .add("tag", "list", read("tag"))
            .add("tag", "set rm", update("tag"))
            .add("key", "list", read("ssh-key"))
            .add("key", "add rm", grant("ssh-key").note("changes who can log in to the devices"))
            .add("support", "enable disable", grant("support-access").note("changes balena support's access to the fleet"))
            .add("api-key", "list", read("api-key"))
            .add("api-key", "generate", credential("api-key").note("mints a new API key and prints it"))
            .add("api-key", "revoke", update("api-key"))
            .add("", "ssh tunnel", execute("device"))
            .add("", "build preload scan login logout os config local util instance", local("cli"))
            .add("os", "versions", read("os"))
            .add("local", "flash", local("drive"))
            .build();
    private static final Set<String> VALUED = Set.of("--fleet", "-f", "--application", "-a", "--app", "--device", "-d",
            "--service", "-s", "--version", "--release", "--source", "--output", "-o", "--drive", "--config", "--dockerfile",
            "--registry-secrets", "-R", "--release-tag", "--note", "--env", "--build-arg", "-B", "--tag", "--type",
            "--os-version", "--port", "-p", "--max-retry", "--name", "-n", "--value", "--uuid");
    private static final Set<String> FLEET_OPERANDS = Set.of("fleet", "push", "deploy", "join");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "fleet");
        String operand = found.name(words);
        String fleet = p.value("--fleet", "-f", "--application", "-a", "--app").orElse(
                !words.isEmpty() && FLEET_OPERANDS.contains(words.getFirst()) ? operand : "");
        if (found.command().equals("local flash")) {
            // writes the image over a drive of this machine (--drive, else one it asks for)
            return dev.interlock.analysis.shell.recognizers.embedded.DiskImagers.written(inv,
                    p.value("--drive").map(dev.interlock.analysis.shell.Arg::of).orElse(dev.interlock.analysis.shell.Arg.of("")),
                    "balena local flash writes the image over the whole drive");
        }
        if (found.command().equals("push") && localMode(operand)) {
            Operation op = found.act().note("local mode: builds and runs on a development device on this network")
                    .operation(inv, "balena", operand).build();
            return op.withEnvironment(Tier.DEV, "balena local mode reaches development images only");
        }
        CommandTable.Act act = found.act();
        if (found.command().startsWith("env ") && !fleet.isEmpty() && !act.verb().equals(dev.interlock.model.Verb.READ)) {
            act = act.many().note("a fleet-wide variable: every device of the fleet restarts its services");
        }
        String name = found.command().startsWith("env ") ? operand : fleet.isEmpty() ? operand : fleet;
        return FleetRecognizer.operation(inv, act, name, "app", fleet);
    }

    /** An IP address or mDNS name: a device on this network in local mode, not a fleet in the cloud. */
    private static boolean localMode(String target) {
        return Regex.matches(target, "\\d{1,3}(\\.\\d{1,3}){3}|[\\w-]+\\.local");
    }
}
