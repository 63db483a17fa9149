package dev.interlock.analysis.shell.recognizers.host;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a machine boots and what its firmware runs: bootloader writers ({@code grub-install}, {@code update-grub},
 * {@code grub-mkconfig -o}, {@code efibootmgr}, {@code bootctl}, {@code kernelstub}), firmware updates ({@code fwupdmgr},
 * {@code fwupdtool}), Secure Boot keys ({@code sbctl}), the TPM ({@code tpm2-tools}) and BitLocker ({@code manage-bde}).
 * Listing boot entries, devices, PCRs and encryption status only looks. Rewriting the bootloader or the boot order
 * changes how the whole machine starts; flashing firmware replaces what a device runs, and the old image rarely comes
 * back; unsealing a TPM secret or printing BitLocker's recovery password reads a credential; clearing the TPM or
 * evicting its persistent keys loses what was sealed to them. A form the tables do not know is taken as a change.
 */
public final class BootFirmware implements Recognizer {

    private static final CommandTable.Act BOOTLOADER = CommandTable.update("bootloader").all()
            .note("rewrites the bootloader: how the whole machine starts (a broken one leaves it unbootable)");
    private static final CommandTable.Act BOOT_CONFIG = CommandTable.update("boot-configuration").all()
            .note("regenerates the boot configuration: which kernels boot and with which arguments");
    private static final CommandTable.Act BOOT_ENTRIES = CommandTable.update("boot-entry").all()
            .note("changes the firmware's boot entries or boot order: what the machine starts next");
    private static final CommandTable.Act FLASH = CommandTable.replace("firmware")
            .note("flashes device firmware: the old image is overwritten and rarely comes back");
    private static final CommandTable.Act FIRMWARE_SETTINGS = CommandTable.update("firmware-settings")
            .note("changes firmware settings or where firmware updates come from");
    private static final CommandTable.Act SECURE_BOOT_KEYS = CommandTable.update("secure-boot-keys").all()
            .note("changes the Secure Boot keys the firmware trusts: which kernels and loaders may boot");
    private static final CommandTable.Act SIGNED_FILES = CommandTable.update("boot-files")
            .note("signs or changes the boot files Secure Boot checks");
    private static final CommandTable.Act TPM_STATE = CommandTable.update("tpm")
            .note("changes the TPM's persistent state (NV indices, PCRs, hierarchies, authorizations)");
    private static final CommandTable.Act TPM_LOSS = new CommandTable.Act(Verb.DELETE, "tpm", false, true,
            Scope.MANY, "clears the TPM or removes persistent objects: keys and secrets sealed to them are lost");
    private static final CommandTable.Act TPM_WORK = CommandTable.local("tpm-object");
    private static final CommandTable.Act BITLOCKER = CommandTable.update("disk-encryption")
            .note("changes BitLocker on the volume: encryption, protectors or lock state");

    private static CommandTable.Act looks(String type) {
        return CommandTable.read(type);
    }

    private static final CommandTable FWUPD = CommandTable.builder()
            .add("", "get-devices get-updates get-upgrades get-history get-releases get-remotes get-details get-topology "
                    + "get-plugins get-results get-approved-firmware get-blocked-firmware get-bios-setting get-bios-settings "
                    + "get-device-flags security refresh check-reboot-needed verify hwids esp-list firmware-parse "
                    + "firmware-dump firmware-export smbios-dump get-firmware-types get-firmware-gtypes monitor watch "
                    + "get-report-metadata inhibit uninhibit help", looks("firmware"))
            .add("", "update upgrade install local-install downgrade reinstall switch-branch activate sync sync-bkc "
                    + "firmware-flash install-blob attach detach", FLASH)
            .add("", "enable-remote disable-remote modify-remote modify-config reset-config block-firmware unblock-firmware "
                    + "set-approved-firmware set-bios-setting reset-bios-setting unlock clear-results clear-history "
                    + "verify-update report-history emulation-tag emulation-untag", FIRMWARE_SETTINGS)
            .build();

    private static final CommandTable BOOTCTL = CommandTable.builder()
            .add("", "status list is-installed help reboot-to-firmware", looks("bootloader"))
            .add("", "install update", BOOTLOADER)
            .add("", "remove", new CommandTable.Act(Verb.DELETE, "bootloader", false, false, Scope.MANY,
                    "removes the boot loader from the ESP: the machine no longer boots through it"))
            .add("", "set-default set-oneshot set-timeout set-timeout-oneshot set-sysfail unlink cleanup random-seed "
                    + "link kernel-identify kernel-inspect", BOOT_ENTRIES)
            .build();

    private static final CommandTable SBCTL = CommandTable.builder()
            .add("", "status verify list-files list-bundles list-enrolled-keys debug help version completion", looks("secure-boot"))
            .add("", "enroll-keys rotate-keys import-keys reset setup", SECURE_BOOT_KEYS)
            .add("", "create-keys sign sign-all bundle generate-bundles remove-file remove-bundle", SIGNED_FILES)
            .build();

    private static final CommandTable TPM = CommandTable.builder()
            .add("", "getcap pcrread readpublic nvreadpublic readclock print eventlog getekcertificate checkquote "
                    + "verifysignature hash getrandom testparms gettestresult nvread getpolicydigest", looks("tpm"))
            // a secret sealed to the TPM, released
            .add("", "unseal", CommandTable.credential("tpm-secret").note("unseals a secret held by the TPM"))
            .add("", "clear evictcontrol nvundefine", TPM_LOSS)
            // transient objects and sessions: gone when the context is flushed, nothing persistent changes
            .add("", "createprimary create load loadexternal sign hmac encryptdecrypt rsaencrypt rsadecrypt "
                    + "startauthsession flushcontext import duplicate makecredential activatecredential certify "
                    + "certifycreation quote createak createek ecdhkeygen ecdhzgen zgen2phase commit ecephemeral "
                    + "stirrandom selftest incrementalselftest gettime sessionconfig contextsave contextload tr", TPM_WORK)
            .build();

    private static final Set<String> TPM_TOOLS = Set.of("getcap", "pcrread", "readpublic", "nvreadpublic", "readclock",
            "print", "eventlog", "getekcertificate", "checkquote", "verifysignature", "hash", "getrandom", "testparms",
            "gettestresult", "nvread", "unseal", "clear", "clearcontrol", "evictcontrol", "nvundefine", "nvdefine", "nvwrite",
            "nvextend", "nvincrement", "nvsetbits", "nvwritelock", "nvreadlock", "pcrextend", "pcrevent", "pcrreset",
            "pcrallocate", "hierarchycontrol", "setprimarypolicy", "dictionarylockout", "changeauth", "changeeps",
            "changepps", "setclock", "clockrateadjust", "createprimary", "create", "load", "loadexternal", "sign", "hmac",
            "encryptdecrypt", "rsaencrypt", "rsadecrypt", "startauthsession", "flushcontext", "import", "duplicate",
            "makecredential", "activatecredential", "certify", "quote", "createak", "createek", "policypcr",
            "policyauthvalue", "policysecret", "policycommandcode", "policyor", "policypassword");

    private static final Set<String> GRUB_INSTALL = Set.of("grub-install", "grub2-install");
    private static final Set<String> GRUB_MKCONFIG = Set.of("grub-mkconfig", "grub2-mkconfig");
    private static final Set<String> UPDATE_GRUB = Set.of("update-grub", "update-grub2");
    /** efibootmgr's options that write NVRAM boot variables; without them it lists. */
    private static final Set<String> EFIBOOT_WRITES = Set.of("-c", "--create", "-C", "--create-only", "-o", "--bootorder",
            "-n", "--bootnext", "-a", "--active", "-A", "--inactive", "-t", "--timeout", "-D", "--remove-dups",
            "-O", "--delete-bootorder", "-N", "--delete-bootnext", "-T", "--delete-timeout");
    private static final Set<String> EFIBOOT_DELETES = Set.of("-B", "--delete-bootnum");
    private static final Set<String> KERNELSTUB_READS = Set.of("-p", "--print-config", "-h", "--help", "--version");

    private static final Map<String, CommandTable> TABLES = Map.of("fwupdmgr", FWUPD, "fwupdtool", FWUPD,
            "bootctl", BOOTCTL, "sbctl", SBCTL, "tpm2", TPM);

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(TABLES.keySet());
        all.addAll(GRUB_INSTALL);
        all.addAll(GRUB_MKCONFIG);
        all.addAll(UPDATE_GRUB);
        all.addAll(Set.of("efibootmgr", "kernelstub", "manage-bde", "manage-bde.exe"));
        TPM_TOOLS.forEach(t -> all.add("tpm2_" + t));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        HostAdministration.Words w = HostAdministration.Words.of(inv.words());
        if (program.startsWith("tpm2_")) {
            return List.of(tpm(inv, program.substring("tpm2_".length()), w.positionals()));
        }
        if (program.startsWith("manage-bde")) {
            return List.of(bitlocker(inv));
        }
        CommandTable.Act act;
        String name = w.positionals().isEmpty() ? "" : w.positionals().getFirst();
        if (w.flags().stream().allMatch(f -> f.equals("-h") || f.equals("--help") || f.equals("-V") || f.equals("--version"))
                && !w.flags().isEmpty() && w.positionals().isEmpty()) {
            act = looks("boot");
        } else if (GRUB_INSTALL.contains(program)) {
            act = BOOTLOADER;
        } else if (UPDATE_GRUB.contains(program)) {
            act = BOOT_CONFIG;
        } else if (GRUB_MKCONFIG.contains(program)) {
            // without -o it prints the configuration it would write
            Optional<String> out = w.value("-o").or(() -> w.value("--output"));
            act = out.filter(o -> !o.equals("/dev/stdout") && !o.equals("-")).isPresent() ? BOOT_CONFIG : looks("boot-configuration");
            name = out.orElse("");
        } else if (program.equals("efibootmgr")) {
            act = w.flags().stream().anyMatch(EFIBOOT_DELETES::contains)
                    ? new CommandTable.Act(Verb.DELETE, "boot-entry", false, false, Scope.ONE,
                            "deletes a firmware boot entry")
                    : w.flags().stream().anyMatch(EFIBOOT_WRITES::contains) ? BOOT_ENTRIES : looks("boot-entry");
            name = w.value("-b").or(() -> w.value("--bootnum")).or(() -> w.value("-L")).or(() -> w.value("--label")).orElse("");
        } else if (program.equals("kernelstub")) {
            act = !w.flags().isEmpty() && KERNELSTUB_READS.containsAll(w.flags()) ? looks("boot-configuration") : BOOT_CONFIG;
        } else {
            List<String> p = w.positionals();
            if (program.equals("tpm2")) {
                return List.of(tpm(inv, p.isEmpty() ? "" : p.getFirst(), p.isEmpty() ? p : p.subList(1, p.size())));
            }
            CommandTable.Found found = TABLES.get(program).find(p).orElse(null);
            act = p.isEmpty() ? looks("firmware") : found == null ? CommandTable.update(program.equals("sbctl") ? "secure-boot" : "firmware")
                    .note(program + " " + p.getFirst() + " is taken as a change") : found.act();
            name = found == null ? "" : found.name(p);
            if (program.equals("bootctl") && found != null && found.command().equals("reboot-to-firmware") && p.size() > 1) {
                act = BOOT_ENTRIES;
            }
        }
        return List.of(here(inv, act, name));
    }

    private static Operation tpm(Invocation inv, String tool, List<String> rest) {
        CommandTable.Act act = TPM.find(List.of(tool)).map(CommandTable.Found::act)
                .orElse(tool.startsWith("policy") ? TPM_WORK : tool.isEmpty() ? looks("tpm") : TPM_STATE);
        HostAdministration.Words w = HostAdministration.Words.of(inv.words());
        String handle = w.value("-c").or(() -> w.value("--object-context")).orElse(rest.isEmpty() ? "" : rest.getFirst());
        return here(inv, act, handle);
    }

    /**
     * manage-bde's action is its first switch ({@code -status}, {@code -off}, {@code -protectors -get}); Windows
     * switches start with {@code -} or {@code /}, any case. {@code -cn HOST} runs it on another computer.
     */
    private static Operation bitlocker(Invocation inv) {
        List<String> words = inv.words().stream().map(s -> s.toLowerCase(Locale.ROOT).replaceFirst("^/", "-")).toList();
        String action = words.stream().filter(s -> s.startsWith("-")).findFirst().orElse("-?");
        CommandTable.Act act = switch (action) {
            case "-status", "-?", "-h", "-help" -> looks("disk-encryption");
            // -get prints the numerical recovery password in clear
            case "-protectors" -> words.contains("-get") ? CommandTable.credential("bitlocker-recovery-key")
                    .note("prints the volume's BitLocker protectors, recovery password included")
                    : words.contains("-delete") ? new CommandTable.Act(Verb.DELETE, "disk-encryption", false, false,
                            Scope.ONE, "deletes BitLocker protectors of the volume") : BITLOCKER;
            case "-off" -> CommandTable.update("disk-encryption").note("decrypts the volume: BitLocker is switched off");
            default -> BITLOCKER;
        };
        String volume = inv.words().stream().filter(s -> s.matches("(?i)[a-z]:\\\\?")).findFirst().orElse("");
        int cn = words.indexOf("-cn") >= 0 ? words.indexOf("-cn") : words.indexOf("-computername");
        if (cn >= 0 && cn + 1 < words.size()) {
            return act.operation(inv, "os", volume).locator("host", inv.words().get(cn + 1)).build();
        }
        return here(inv, act, volume);
    }

    private static Operation here(Invocation inv, CommandTable.Act act, String name) {
        Operation.Builder b = act.operation(inv, "os", name);
        if (act.verb() != Verb.READ && act.verb() != Verb.CREDENTIAL && act != TPM_WORK) {
            b.reversible(act.type().equals("boot-configuration") || act.type().equals("firmware-settings")
                    || act.type().equals("boot-files"));
        }
        return LocalFiles.local(inv, b, "this machine's " + act.type()).build();
    }
}
