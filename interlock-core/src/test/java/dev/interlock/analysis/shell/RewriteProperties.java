package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A destructive command stays not-allowed under rewrites that keep its meaning: other spellings of its flags,
 * quoting of any word, absolute program paths, wrappers, environment prefixes, subshells, groups and lists.
 */
class RewriteProperties {

    private static final Interlock INTERLOCK = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();

    /** Destructive commands, each with equivalent spellings, and the environment they run in. */
    record Base(String environment, List<List<String>> spellings) {
    }

    static final List<Base> BASES = List.of(
            new Base("", List.of(List.of("rm", "-rf", "/home/dev"), List.of("rm", "-r", "-f", "/home/dev"),
                    List.of("rm", "--recursive", "--force", "/home/dev"), List.of("rm", "-fr", "/home/dev/"))),
            new Base("", List.of(List.of("git", "reset", "--hard"), List.of("git", "reset", "--hard", "HEAD"))),
            new Base("", List.of(List.of("git", "push", "--force", "origin", "main"), List.of("git", "push", "-f", "origin", "main"),
                    List.of("git", "push", "origin", "+main"), List.of("git", "push", "origin", "main", "--force"))),
            new Base("prod", List.of(List.of("kubectl", "delete", "namespace", "payments"), List.of("kubectl", "delete", "ns", "payments"),
                    List.of("kubectl", "delete", "ns/payments"), List.of("kubectl", "-n", "default", "delete", "namespace", "payments"))),
            new Base("prod", List.of(List.of("terraform", "destroy", "-auto-approve"), List.of("terraform", "apply", "-destroy", "-auto-approve"),
                    List.of("terraform", "destroy"))),
            new Base("prod", List.of(List.of("aws", "ec2", "terminate-instances", "--instance-ids", "i-0abc"),
                    List.of("aws", "--region", "eu-west-1", "ec2", "terminate-instances", "--instance-ids=i-0abc"))),
            new Base("", List.of(List.of("aws", "sts", "assume-role", "--role-arn", "arn:aws:iam::1:role/Admin", "--role-session-name", "x"))));

    @Property(tries = 400)
    void destructiveCommandsStayNotAllowed(@ForAll @IntRange(min = 0, max = 6) int base, @ForAll @IntRange(min = 0, max = 9) int spelling,
                                           @ForAll long seed) {
        Base b = BASES.get(base);
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(b.spellings().get(spelling % b.spellings().size()));
        StringBuilder applied = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (random.nextInt(3) == 0) {
                words.set(i, quote(words.get(i), random, applied));
            }
        }
        if (random.nextBoolean()) {
            words.set(0, "/usr/bin/" + words.getFirst());
            applied.append(" absolute-path");
        }
        String command = String.join(" ", words);
        int wrappers = random.nextInt(3);
        for (int i = 0; i < wrappers; i++) {
            command = wrap(command, random, applied);
        }
        Request request = new Request("", dev.interlock.model.RequestKind.SHELL, new dev.interlock.model.Payload.Shell(command),
                new RequestContext(Optional.of(b.environment()), Optional.of("/home/dev/project"), Map.of(), Optional.empty()),
                new Actor("alice", "claude-code", "s"));
        Decision d = INTERLOCK.decide(request);
        assertThat(d.effect()).as("%s (rewrites:%s) → %s: %s", command, applied, d.effect().wire(), d.summary()).isNotEqualTo(Effect.ALLOW);
    }

    static String quote(String word, Random random, StringBuilder applied) {
        switch (random.nextInt(5)) {
            case 0 -> {
                applied.append(" single-quote");
                return "'" + word + "'";
            }
            case 1 -> {
                applied.append(" double-quote");
                return "\"" + word + "\"";
            }
            case 2 -> {
                applied.append(" backslash");
                return word.length() > 1 ? word.charAt(0) + "\\" + word.substring(1) : "\\" + word;
            }
            case 3 -> {
                applied.append(" empty-quotes");
                return word.length() > 1 ? word.charAt(0) + "''" + word.substring(1) : word + "''";
            }
            default -> {
                applied.append(" ansi-c");
                StringBuilder hex = new StringBuilder("$'");
                for (char c : word.toCharArray()) {
                    hex.append(String.format("\\x%02x", (int) c));
                }
                return hex.append("'").toString();
            }
        }
    }

    static String wrap(String command, Random random, StringBuilder applied) {
        String[] prefixes = {"sudo ", "env ", "command ", "nohup ", "timeout 30 ", "nice -n 5 ", "time ", "FOO=1 ", "env -i PATH=/bin "};
        int choice = random.nextInt(prefixes.length + 5);
        if (choice < prefixes.length) {
            applied.append(" wrap:").append(prefixes[choice].trim());
            return prefixes[choice] + command;
        }
        String single = command.replace("'", "'\\''");
        return switch (choice - prefixes.length) {
            case 0 -> { applied.append(" sh-c"); yield "sh -c '" + single + "'"; }
            case 1 -> { applied.append(" bash-lc"); yield "bash -lc '" + single + "'"; }
            case 2 -> { applied.append(" subshell"); yield "( " + command + " )"; }
            case 3 -> { applied.append(" group"); yield "{ " + command + "; }"; }
            default -> { applied.append(" list"); yield "echo starting && " + command; }
        };
    }
}
