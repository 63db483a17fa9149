package dev.interlock.analysis.shell.recognizers.provisioning;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
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
 * DMTF's {@code redfishtool -r BMC [-u U -p P] SUBCOMMAND [OPERATION] [ARGS]}: getting and listing systems, chassis,
 * managers, their power, thermal and log resources reads; {@code reset}, {@code setBootOverride}, power limits and
 * {@code patch} change the machine or its BMC; clearing a log deletes it; the account service's user commands grant;
 * a session login prints a token. The BMC is {@code -r}, else one in the {@code -c} file: unknown.
 */
final class Redfishtool {

    private Redfishtool() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "about versions root serviceroot odata metadata hello", read("bmc"))
            .add("", "systems chassis managers accountservice sessionservice", read("bmc"))
            .add("systems", "get list collection processors ethernetinterfaces simplestorage logs memory inventory examples hello"
                    + " bios storage", read("system"))
            .add("systems", "reset", update("system").note("powers the machine off, on or restarts it through its BMC"))
            .add("systems", "setbootoverride", update("system").note("changes what the machine boots next (PXE reinstalls it)"))
            .add("systems", "patch setassettag setindicatorled", update("system"))
            .add("chassis", "get list collection power thermal getpowerreading logs examples hello", read("chassis"))
            .add("chassis", "setpowerlimit patch setassettag setindicatorled", update("chassis"))
            .add("managers", "get list collection networkprotocol ethernetinterfaces serialinterfaces logs examples hello",
                    read("bmc"))
            .add("managers", "reset setdatetime settimeoffset setipaddress patch", update("bmc"))
            .add("systems", "clearlog", delete("log"))
            .add("chassis", "clearlog", delete("log"))
            .add("managers", "clearlog", delete("log"))
            .add("accountservice", "get accounts roles", read("bmc-account"))
            .add("accountservice", "adduser setpassword setusername useradmin userenable patch", grant("bmc-account")
                    .note("changes who can log in to the BMC: whoever holds it controls the machine's power and console"))
            .add("accountservice", "deleteuser", delete("bmc-account"))
            .add("sessionservice", "get sessions", read("session"))
            .add("sessionservice", "login", credential("session-token").note("opens a session and prints its token"))
            .add("sessionservice", "logout setsessiontimeout patch", update("session"))
            .add("raw", "get head", read("bmc"))
            .add("raw", "patch post put", update("bmc"))
            .add("raw", "delete", delete("bmc"))
            .add("", "help", local("cli"))
            .build();

    private static final Set<String> VALUED = Set.of("-u", "--user", "-p", "--password", "-r", "--rhost", "-t", "--token",
            "-c", "--config", "-T", "--Timeout", "-P", "--Prop", "-d", "--data", "-I", "--Id", "-M", "--Match", "-L", "--Link",
            "-i", "--id", "-m", "--match", "-l", "--link", "-W", "--Wait", "-A", "--Auth", "-S", "--Secure", "-R",
            "--RedfishVersion", "-H", "--Headers", "-D", "--Debug");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        // -1 (--One) reads as a number to the parser
        List<String> words = p.words().stream().filter(w -> !w.equals("-1")).toList();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "bmc");
        CommandTable.Act act = found.act();
        if (found.words() == 1 && words.size() > 1 && found.command().equals(words.getFirst().toLowerCase(java.util.Locale.ROOT))) {
            // an operation the table does not list: judged by its own word
            act = CommandTable.guess(words.get(1), act.type());
        }
        String member = p.value("-I", "--Id", "-M", "--Match", "-L", "--Link").orElse("");
        String bmc = p.value("-r", "--rhost").orElse("");
        return ProvisioningRecognizer.operation(inv, "bmc", act, member.isEmpty() ? bmc : member, bmc, "");
    }
}
