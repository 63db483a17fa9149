package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cryptsetup}, the LUKS and dm-crypt tool. A header dump, a mapping's status and {@code isLuks} only look;
 * {@code --dump-volume-key} (or the older {@code --dump-master-key}) prints the key that decrypts the whole disk, and
 * {@code luksHeaderBackup} writes a copy of the keyslots from which it can be recovered. Formatting, erasing and killing
 * a keyslot make the data unreadable for good; adding or changing a passphrase changes who can unlock it. It acts on
 * the machine it runs on (an ssh host's when run there). Commands are matched without case, as the table looks them up.
 */
public final class DiskEncryption implements Recognizer {

    private static final Set<String> VALUED = Set.of("-c", "--cipher", "-h", "--hash", "-s", "--key-size", "-S", "--key-slot",
            "-d", "--key-file", "--keyfile-size", "--keyfile-offset", "-b", "--size", "-o", "--offset", "-p", "--skip",
            "-i", "--iter-time", "--type", "--header", "--header-backup-file", "--pbkdf", "--label", "--subsystem",
            "--volume-key-file", "--master-key-file", "--token-id", "--token-type", "--priority", "--sector-size",
            "--luks2-metadata-size", "--luks2-keyslots-size", "-T", "--tries", "-t", "--timeout", "--uuid",
            "--new-keyfile", "--new-key-slot", "--pbkdf-memory", "--pbkdf-parallel", "--pbkdf-force-iterations",
            "--integrity", "--external-tokens-path", "--hotzone-size", "--resilience", "--device-size", "--reduce-device-size");

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "luksdump status isluks luksuuid tcryptdump bitlkdump fvault2dump benchmark --version --help",
                    CommandTable.read("encrypted-volume"))
            .add("", "open luksopen close luksclose remove resize refresh lukssuspend luksresume config tcryptopen bitlkopen "
                            + "plainopen loopaesopen luksconvertkey convert token repair",
                    CommandTable.update("encrypted-volume"))
            .add("", "luksaddkey lukschangekey", CommandTable.grant("keyslot")
                    .note("adds or changes a passphrase or key file that unlocks the encrypted volume"))
            .add("", "luksheaderbackup", CommandTable.credential("keyslot")
                    .note("copies the LUKS header with its keyslots: with an old passphrase it unlocks the disk even after a change"))
            .add("", "luksformat erase lukserase lukskillslot luksremovekey reencrypt luksheaderrestore format",
                    CommandTable.delete("encrypted-volume").losesData()
                            .note("reformats the header or drops keyslots: what the removed keys unlocked cannot be read again"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("cryptsetup");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (p.has("--dump-volume-key", "--dump-master-key", "--volume-key-file", "--master-key-file")
                && !words.isEmpty() && words.getFirst().equalsIgnoreCase("luksDump")) {
            return List.of(here(inv, CommandTable.credential("volume-key")
                    .note("prints the volume key, which decrypts the whole disk without any passphrase"), words));
        }
        CommandTable.Act act = words.isEmpty() ? CommandTable.read("encrypted-volume")
                : TABLE.find(words.subList(0, 1)).map(CommandTable.Found::act).orElse(CommandTable.update("encrypted-volume"));
        return List.of(here(inv, act, words));
    }

    private static Operation here(Invocation inv, CommandTable.Act act, List<String> words) {
        String device = words.size() > 1 ? words.get(1) : "";
        Operation op = act.placed(inv, "storage", device, Map.of(), Tier.UNKNOWN, "");
        return LocalFiles.local(inv, op.toBuilder(), "a disk of this machine").build();
    }
}
