package dev.interlock.analysis.shell.recognizers.embedded;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flashers and debug probes for development boards: {@code esptool}, {@code idf.py}, {@code nrfjprog}, PlatformIO,
 * Zephyr's {@code west}, {@code openocd}, {@code st-flash}, {@code dfu-util}, {@code avrdude}, {@code picotool}. The board
 * sits on a port of this machine and is rebuilt from the project at will, so erasing and flashing it is sandbox work;
 * reading its flash or id only looks. Burning eFuses or OTP bits changes the chip for good and is not sandbox work. A
 * port served by another host ({@code rfc2217://bench:4000}, {@code --ip}) or a command the table does not know keeps
 * the judgement of an unfamiliar program.
 */
public final class BoardFlashing implements Recognizer {

    /** What a command word does to the board, weakest first: the strongest word of a command line decides. */
    enum Kind { READ, BUILD, WRITE, ERASE, FUSE, UNKNOWN }

    /** One program's words (subcommands, flags, build targets, {@code -c} script words) and what they do. */
    private record Tool(Map<String, Kind> words, Optional<Kind> otherwise) {
    }

    private static Map<String, Kind> words(Object... kindsAndWords) {
        java.util.HashMap<String, Kind> m = new java.util.HashMap<>();
        for (int i = 0; i < kindsAndWords.length; i += 2) {
            for (String w : ((String) kindsAndWords[i + 1]).split(" ")) {
                m.put(w, (Kind) kindsAndWords[i]);
            }
        }
        return Map.copyOf(m);
    }

    private static final Tool ESPTOOL = new Tool(words(
            Kind.READ, "read_flash read-flash read_mac read-mac chip_id chip-id flash_id flash-id read_flash_status "
                    + "read-flash-status read_mem read-mem dump_mem dump-mem get_security_info get-security-info verify_flash "
                    + "verify-flash image_info image-info version read_flash_sfdp read-flash-sfdp",
            Kind.BUILD, "elf2image merge_bin merge-bin",
            Kind.WRITE, "write_flash write-flash write_flash_status write-flash-status write_mem write-mem load_ram load-ram run",
            Kind.ERASE, "erase_flash erase-flash erase_region erase-region"), Optional.empty());
    private static final Tool ESPEFUSE = new Tool(words(
            Kind.READ, "summary dump adc_info adc-info get_custom_mac get-custom-mac check_error check-error",
            Kind.FUSE, "burn_efuse burn-efuse burn_key burn-key burn_key_digest burn-key-digest burn_bit burn-bit "
                    + "burn_block_data burn-block-data burn_custom_mac burn-custom-mac write_protect_efuse write-protect-efuse "
                    + "read_protect_efuse read-protect-efuse set_flash_voltage set-flash-voltage"), Optional.empty());
    private static final Tool IDF = new Tool(words(
            Kind.READ, "size size-components size-files efuse-summary efuse-dump show-efuse-table read-otadata "
                    + "coredump-info docs --version",
            Kind.BUILD, "build all app bootloader partition-table menuconfig reconfigure set-target fullclean clean "
                    + "python-clean monitor save-defconfig uf2 uf2-app create-project create-component add-dependency "
                    + "update-dependencies gdb gdbgui gdbtui openocd coredump-debug efuse-common-table efuse-custom-table "
                    + "confserver qemu",
            Kind.WRITE, "flash app-flash bootloader-flash partition-table-flash encrypted-flash encrypted-app-flash",
            Kind.ERASE, "erase-flash erase_flash erase-otadata",
            Kind.FUSE, "efuse-burn efuse-burn-key efuse-read-protect efuse-write-protect"), Optional.empty());
    private static final Tool NRFJPROG = new Tool(words(
            Kind.READ, "--memrd --readcode --readuicr --readram --readregs --readqspi --ids --com --version -v "
                    + "--deviceversion --verify --family",
            Kind.WRITE, "--program --memwr --rbp --reset -r --pinreset -p --debugreset -d --run --halt --recover",
            Kind.ERASE, "--eraseall -e --erasepage --eraseuicr --qspieraseall --qspisectorerase --sectorerase --chiperase "
                    + "--sectoranduicrerase"), Optional.empty());
    private static final Tool PLATFORMIO = new Tool(words(
            Kind.READ, "boards device monitor",
            Kind.BUILD, "run test check debug init project lib pkg platform system settings home ci upgrade update "
                    + "buildprog size compiledb clean menuconfig envdump",
            Kind.WRITE, "upload uploadfs uploadfsota program bootloader fuses",
            Kind.ERASE, "erase",
            // remote agents, the registry and accounts are not this machine
            Kind.UNKNOWN, "remote publish unpublish account org team access"), Optional.empty());
    private static final Tool WEST = new Tool(words(
            Kind.READ, "list status topdir manifest boards shields diff help",
            Kind.BUILD, "build debug debugserver attach init update config sdk twister zephyr-export spdx blobs packages "
                    + "completion",
            Kind.WRITE, "flash",
            Kind.ERASE, "--erase",
            // forall runs an arbitrary command in every project
            Kind.UNKNOWN, "forall"), Optional.empty());
    /** openocd with no script words serves gdb on this machine's debug probe. */
    private static final Tool OPENOCD = new Tool(words(
            Kind.READ, "mdw mdh mdb dump_image verify_image",
            Kind.WRITE, "program flash write_image load_image mww mwh mwb program_esp",
            Kind.ERASE, "erase_sector mass_erase erase_address chip_erase"), Optional.of(Kind.BUILD));
    private static final Tool ST_FLASH = new Tool(words(
            Kind.READ, "read --version",
            Kind.WRITE, "write reset --reset",
            Kind.ERASE, "erase"), Optional.empty());
    private static final Tool ST_INFO = new Tool(Map.of(), Optional.of(Kind.READ));
    private static final Tool DFU_UTIL = new Tool(words(
            Kind.READ, "-U --upload -l --list -V --version",
            Kind.WRITE, "-D --download -e --detach -R --reset"), Optional.empty());
    /** avrdude only connects and reads the signature unless {@code -U} writes or {@code -e} erases. */
    private static final Tool AVRDUDE = new Tool(words(
            Kind.READ, "mem:r mem:v",
            Kind.WRITE, "mem:w -t",
            Kind.ERASE, "-e"), Optional.of(Kind.READ));
    private static final Tool PICOTOOL = new Tool(words(
            Kind.READ, "info save verify version help otp:list otp:get otp:dump",
            Kind.BUILD, "uf2 seal encrypt partition coprodis",
            Kind.WRITE, "load reboot config",
            Kind.ERASE, "erase",
            Kind.FUSE, "otp:set otp:load otp:permissions otp:white-label"), Optional.empty());

    /** One program per row; {@code esptool.py} and {@code esptool} are the same tool under its two names. */
    private static final Map<String, Tool> TOOLS = Map.ofEntries(
            Map.entry("esptool", ESPTOOL), Map.entry("esptool.py", ESPTOOL),
            Map.entry("espefuse", ESPEFUSE), Map.entry("espefuse.py", ESPEFUSE),
            Map.entry("idf.py", IDF),
            Map.entry("nrfjprog", NRFJPROG),
            Map.entry("platformio", PLATFORMIO), Map.entry("pio", PLATFORMIO),
            Map.entry("west", WEST),
            Map.entry("openocd", OPENOCD),
            Map.entry("st-flash", ST_FLASH), Map.entry("st-info", ST_INFO),
            Map.entry("dfu-util", DFU_UTIL),
            Map.entry("avrdude", AVRDUDE),
            Map.entry("picotool", PICOTOOL));

    /** Options and variables that name the port the board is on. */
    private static final List<String> PORT_OPTIONS = List.of("--port", "-p", "-P", "--ip", "--upload-port", "-s");
    private static final List<String> PORT_VARIABLES = List.of("ESPPORT", "PLATFORMIO_UPLOAD_PORT");

    @Override
    public java.util.Set<String> programs() {
        return TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Tool tool = TOOLS.get(inv.program());
        List<String> said = said(inv);
        Kind kind = null;
        for (String w : said) {
            Kind k = tool.words().get(w);
            if (k != null && (kind == null || k.ordinal() > kind.ordinal())) {
                kind = k;
            }
        }
        if (kind == null) {
            kind = tool.otherwise().orElse(Kind.UNKNOWN);
        }
        String port = port(inv);
        Optional<String> served = BoardPorts.remoteHost(port);
        if (served.isEmpty() && inv.program().equals("nrfjprog") && said.contains("--ip")) {
            served = Optional.of(port);
        }
        if (kind == Kind.UNKNOWN || served.isPresent() && kind != Kind.READ) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String board = port.isEmpty() ? inv.program() : port;
        Operation.Builder b = switch (kind) {
            case READ -> Operation.builder("device", Verb.READ).resource("board", board).note("reads the board");
            case BUILD -> Operation.builder("device", Verb.EXECUTE).resource("board", board)
                    .note("builds or debugs firmware for a board on this machine");
            case WRITE -> Operation.builder("device", Verb.UPDATE).resource("board", board).reversible(true)
                    .note("flashes a development board on this machine; the project rebuilds what it held");
            case ERASE -> Operation.builder("device", Verb.DELETE).resource("board", board).reversible(true)
                    .note("erases a development board on this machine; the project rebuilds what it held");
            default -> Operation.builder("device", Verb.UPDATE).resource("efuse", board).stateful(true).reversible(false)
                    .scope(Scope.ONE).note("burns eFuse or OTP bits: the chip is changed for good");
        };
        b.confidence(Confidence.INFERRED).evidence(inv.evidence());
        served.ifPresent(h -> b.locator("host", h));
        inv.locators().forEach(b::locator);
        if (kind != Kind.FUSE && served.isEmpty()) {
            LocalFiles.local(inv, b, "a development board on a port of this machine");
        }
        return List.of(b.build());
    }

    /**
     * The words a command line says, for the table: literal arguments as given, the words of script arguments
     * ({@code openocd -c "program x.elf verify reset exit"}), avrdude's {@code -U flash:w:…} as {@code mem:w} and
     * picotool's {@code otp set} as {@code otp:set}.
     */
    private static List<String> said(Invocation inv) {
        List<String> out = new ArrayList<>();
        String previous = "";
        for (Arg a : inv.args()) {
            String v = a.value();
            if (inv.program().equals("avrdude") && (previous.equals("-U") || v.startsWith("-U") && v.length() > 2)) {
                String spec = previous.equals("-U") ? v : v.substring(2);
                String[] parts = spec.split(":");
                out.add(parts.length >= 2 ? "mem:" + parts[1].toLowerCase(Locale.ROOT) : "mem:r");
            } else if (inv.program().equals("picotool") && previous.equals("otp")) {
                out.add("otp:" + v);
            } else if (v.indexOf(' ') >= 0 || v.indexOf(';') >= 0) {
                for (String w : v.split("[\\s;]+")) {
                    out.add(w);
                }
            } else {
                // --target=upload, -t upload, --erase: the option's value is a word too
                int eq = v.startsWith("-") ? v.indexOf('=') : -1;
                out.add(eq > 0 ? v.substring(0, eq) : v);
                if (eq > 0) {
                    out.add(v.substring(eq + 1));
                }
            }
            previous = v;
        }
        return out;
    }

    /** The port the command names, by option or variable; empty when it leaves the tool to find the board. */
    private static String port(Invocation inv) {
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            for (String option : PORT_OPTIONS) {
                if (v.equals(option) && i + 1 < args.size()) {
                    return args.get(i + 1).value();
                }
                if (option.startsWith("--") && v.startsWith(option + "=")) {
                    return v.substring(option.length() + 1);
                }
            }
        }
        for (String name : PORT_VARIABLES) {
            String v = inv.env().get(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
