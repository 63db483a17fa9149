package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure Storage's array CLI (FlashArray {@code purevol}, {@code purehost}, {@code pureadmin}, …; FlashBlade
 * {@code purefs}, {@code purebucket}), run on the array, usually over ssh. Listings only look. {@code destroy} moves a
 * volume to the array's destroyed items for a day; {@code eradicate} removes it for good. {@code pureadmin list
 * --api-token --expose} prints API tokens and {@code pureadmin create --api-token} mints one; giving an account a role
 * or a password is a grant.
 */
public final class PureArrays implements Recognizer {

    private static final Set<String> PROGRAMS = Set.of("purevol", "purehost", "purehgroup", "pureadmin", "purearray",
            "purepgroup", "purepod", "purealert", "puremessage", "purecert", "purenetwork", "puresubnet", "puredns",
            "pureds", "purepolicy", "puresnmp", "purehw", "pureport", "purevgroup", "puresmtp", "pureaudit", "purelog",
            "purefs", "purebucket", "pureobjaccount", "pureobjuser", "purefilesystem", "puresnap", "purekmip", "purerelay",
            "puresupport", "puredrive", "pureconfig", "pureapp", "purevchost", "puresession", "purehost-personality");
    private static final Set<String> VALUED = Set.of("--size", "--host", "--hgroup", "--vol", "--pgroup", "--suffix",
            "--role", "--timeout", "--source", "--lun", "--count", "--personality", "--iqnlist", "--wwnlist", "--nqnlist",
            "--pod", "--array", "--filter", "--limit", "--sort", "--name", "--user");

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "list listobj show monitor status help info --help -h test ping trace", CommandTable.read("array-object"))
            .add("", "create add setattr rename connect copy snap move enable disable recover resize tune protect "
                    + "unprotect refresh import start stop clear", CommandTable.update("array-object"))
            .add("", "destroy delete remove disconnect", CommandTable.delete("array-object")
                    .note("destroys it on the array (kept as destroyed for a day; eradicate removes it for good)"))
            .add("", "eradicate", CommandTable.delete("array-object").losesData()
                    .note("eradicate removes destroyed volumes or snapshots from the array for good"))
            .build();

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String sub = words.isEmpty() ? "list" : words.getFirst();
        String name = words.size() > 1 ? words.get(1) : "";
        String type = inv.program().replaceFirst("^pure", "");
        CommandTable.Act act = TABLE.find(List.of(sub)).map(CommandTable.Found::act).orElse(CommandTable.update("array-object"));
        if (inv.program().equals("pureadmin") || inv.program().equals("pureobjuser") || inv.program().equals("pureapp")) {
            if (p.has("--api-token", "--api-client", "--access-key") && (p.has("--expose") || sub.equals("create"))) {
                act = CommandTable.credential("api-token").note(inv.program() + " " + sub + " prints an API token of the array");
            } else if (Set.of("create", "setattr").contains(sub) && p.has("--role", "--password", "--public-key")) {
                act = CommandTable.grant("account").note(inv.program() + " " + sub + " changes who may administer the array");
            }
        }
        if (act.verb() == dev.interlock.model.Verb.DELETE && p.has("--eradicate")) {
            act = act.losesData();
        }
        return List.of(act.on(act.type().equals("array-object") ? type : act.type())
                .placed(inv, "pure-storage", name, Map.of(), Tier.UNKNOWN, ""));
    }
}
