package dev.interlock.analysis.shell.recognizers.iac;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spacelift's CLI ({@code spacectl}): a stack's runs execute on Spacelift's workers with the stack's cloud credentials,
 * so {@code stack deploy}, {@code confirm}, {@code retry}, {@code set-current-commit}, {@code lock}/{@code unlock} change
 * the stack's environment, {@code stack delete} removes it, and {@code stack task --id S CMD} runs CMD there (a
 * {@code terraform destroy} in a task is that destroy, on that stack). The stack's id places it as the inventory places
 * stacks ({@code payments-prod} prod, {@code web-dev} dev); ids read from standard input ({@code … | xargs spacectl stack
 * deploy --id}) are many stacks, none known. {@code profile export-token} prints the API token. Listing, showing, logs
 * and outputs read.
 */
public final class Spacectl implements Recognizer {

    private static final Set<String> VALUED = Set.of("--id", "--run-id", "--sha", "--output", "-o", "--max-results",
            "--search", "--limit", "--endpoint", "--api-key-id", "--api-key-secret", "--github-access-token");

    /** Tools whose workspace or stack, in a task, is the Spacelift stack itself. */
    private static final Set<String> IAC = Set.of("terraform", "pulumi");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "whoami version help completion", read("account"))
            .add("profile", "list current select login logout usage-view", local("profile"))
            .add("profile", "export-token", credential("api-token").note("prints the Spacelift API token"))
            .add("stack", "list show logs outputs changes open", read("stack"))
            .add("stack resources", "list", read("stack"))
            .add("stack run", "list show", read("stack"))
            .add("stack environment", "list", read("stack"))
            .add("stack dependencies", "on off", read("stack"))
            // a proposed run only plans; a discarded or rejected one applies nothing
            .add("stack", "preview local-preview discard reject", read("stack"))
            .add("stack", "deploy trigger confirm retry", update("stack").many()
                    .note("starts or confirms a tracked run: it applies to the stack's environment"))
            .add("stack", "set-current-commit sync", update("stack").many().note("points the stack at another commit; the next run applies it"))
            .add("stack", "lock unlock enable disable", update("stack"))
            .add("stack environment", "setvar mount delete", update("stack").note("changes what every run of the stack is given"))
            .add("stack", "approve", grant("stack").note("approves a run as the reviewer its approval policy waits for"))
            .add("stack", "delete", delete("stack").all().note("deletes the stack; with its resources destroyed if it is set to"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("spacectl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h")) {
            return List.of();
        }
        boolean task = words.size() > 1 && words.get(0).equals("stack") && words.get(1).equals("task");
        CommandTable.Found found = task ? new CommandTable.Found("stack task", update("stack").many(), 2)
                : COMMANDS.findOrGuess(words, Math.min(2, words.size()), "stack");
        Arg id = idArg(inv.args());
        String stack = id == null ? "" : id.value();
        CommandTable.Act act = found.act();
        if (id != null && id.glob()) {
            // the ids come from a listing at run time: every stack it prints, production ones included
            act = act.many().note(act.note() + (act.note().isEmpty() ? "" : "; ") + "on every stack whose id is read from its input");
            stack = "stacks read from input";
        }
        if (task) {
            return task(inv, nested, stack, id != null && id.literal());
        }
        if (act.here()) {
            return List.of(act.operation(inv, "spacelift", inv.program()).build());
        }
        String name = !act.type().equals("stack") ? "the current profile's" : !stack.isEmpty() ? stack
                : found.command().endsWith("list") ? "every stack" : "(the stack of this directory)";
        return List.of(act.placed(inv, "spacelift", name, id != null && id.literal() ? Map.of("stack", stack) : Map.of(),
                Tier.UNKNOWN, ""));
    }

    /** The value of {@code --id} as an argument, so that one read from standard input is told apart. */
    private static Arg idArg(List<Arg> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).value().equals("--id")) {
                return args.get(i + 1);
            }
        }
        for (Arg a : args) {
            if (a.value().startsWith("--id=")) {
                return new Arg(a.value().substring(5), a.literal(), a.glob(), a.evidence());
            }
        }
        return null;
    }

    /**
     * {@code stack task --id S [--tail] CMD…}: CMD runs on the stack's worker with its credentials. What it does is the
     * shell analysis of CMD, placed on the stack rather than on this machine.
     */
    private static List<Operation> task(Invocation inv, Nested nested, String stack, boolean known) {
        List<Arg> args = inv.args();
        int start = -1;
        for (int i = 0, positional = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (VALUED.contains(w)) {
                i++;
            } else if (!w.startsWith("-") && ++positional > 2) {
                start = i;
                break;
            }
        }
        String where = "runs as a task on Spacelift stack " + (stack.isEmpty() ? "(the stack of this directory)" : stack);
        List<Operation> out = new ArrayList<>();
        if (start >= 0) {
            StringBuilder command = new StringBuilder();
            for (Arg a : args.subList(start, args.size())) {
                command.append(command.isEmpty() ? "" : " ").append(a.shellText());
            }
            for (Operation op : nested.shell(command.toString(), inv)) {
                Operation.Builder b = op.toBuilder().environment(Tier.UNKNOWN, where).note(where + (op.note().isEmpty() ? "" : "; " + op.note()));
                if (known && IAC.contains(op.system())) {
                    b.resource(op.resource().type(), stack); // the workspace is the stack's, not this directory's
                }
                out.add((known ? b.locator("stack", stack) : b).build());
            }
        }
        if (out.isEmpty()) {
            Operation.Builder b = Operation.builder("spacelift", Verb.EXECUTE).resource("stack", stack).scope(Scope.ONE)
                    .evidence(inv.evidence()).note(where);
            out.add((known ? b.locator("stack", stack) : b).build());
        }
        return out;
    }
}
