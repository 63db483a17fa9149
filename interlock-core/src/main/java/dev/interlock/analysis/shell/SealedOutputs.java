package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;

/**
 * Commands whose output holds no secret, by the locator {@code output} their recognizer sets: {@code sealed} (kubeseal
 * encrypting a Secret with the controller's public certificate) or {@code certificate} (kubeseal {@code --fetch-cert}).
 * What the shell writes from them is then no credential ({@code > certs/prod.pem} is a public certificate,
 * {@code > sealed/db.yaml} ciphertext), and a secret fed to a sealing command ({@code < secret.yaml},
 * {@code cat secret.yaml |}) is encrypted, not shown.
 */
final class SealedOutputs {

    private SealedOutputs() {
    }

    /**
     * {@code sealed} or {@code certificate} when the command's operations say its output holds no secret (its
     * redirections, plain file operations, aside).
     */
    static Optional<String> of(List<Operation> ops) {
        List<Operation> own = ops.stream().filter(o -> !o.system().equals("filesystem") || !o.resource().locator("output").isEmpty()).toList();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        String first = own.getFirst().resource().locator("output");
        boolean all = !first.isEmpty() && own.stream().allMatch(o -> o.resource().locator("output").equals(first));
        return all ? Optional.of(first) : Optional.empty();
    }

    /** True when the command seals what it reads: its input's secrets are encrypted, not shown. */
    static boolean seals(List<Operation> ops) {
        return of(ops).filter("sealed"::equals).isPresent();
    }

    /**
     * The command's own redirections at {@code ops[from..to)}: a credential file written from its output is a plain
     * write, and a secret read into a sealing command is a read.
     */
    static void redirections(List<Operation> ops, int from, int to, List<Operation> produced) {
        Optional<String> output = of(produced);
        if (output.isEmpty()) {
            return;
        }
        String what = output.get().equals("sealed") ? "ciphertext" : "a public certificate";
        for (int i = from; i < to && i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (!op.system().equals("filesystem") || op.verb() != Verb.CREDENTIAL) {
                continue;
            }
            if (op.note().startsWith("reads")) {
                if (output.get().equals("sealed")) {
                    ops.set(i, op.toBuilder().verb(Verb.READ).note("sealed on standard input: encrypted, not shown").build());
                }
            } else {
                ops.set(i, op.toBuilder().verb(Verb.UPDATE).note("writes " + what + ", no secret: " + op.note()).build());
            }
        }
    }
}
