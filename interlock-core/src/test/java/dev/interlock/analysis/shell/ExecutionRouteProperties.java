package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A destructive command handed to another program to run — through an option, a variable, an editor, a scheduler, a
 * terminal multiplexer, a remote fan-out tool, an interpreter or a makefile — is never allowed in prod (issue 19,
 * item 1): every route against every command.
 */
class ExecutionRouteProperties {

    private static final Interlock INTERLOCK = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();

    static final List<String> COMMANDS = List.of("rm -rf /srv/data", "kubectl delete namespace payments",
            "terraform destroy -auto-approve", "aws s3 rb s3://prod-data --force", "systemctl stop postgresql");

    /** Each route with {@code %s} where the command goes. */
    static final List<String> ROUTES = List.of(
            "bash -c '%s'",
            "tmux new -d '%s'",
            "tmux new-session -d -s job '%s'",
            "tmux send-keys -t work '%s' Enter",
            "screen -dmS job sh -c '%s'",
            "script -qc '%s' /dev/null",
            "echo '%s' | at now + 2 minutes",
            "echo '%s' | batch",
            "(crontab -l; echo '*/5 * * * * %s') | crontab -",
            "ansible all -m shell -a '%s'",
            "ansible web -a '%s'",
            "salt '*' cmd.run '%s'",
            "pdsh -w web[1-4] '%s'",
            "pssh -h hosts.txt '%s'",
            "awk 'BEGIN{system(\"%s\")}'",
            "vim -es -c '!%s' -c q",
            "nvim --headless +'!%s' +q",
            "tar -cf /dev/null notes.txt --checkpoint=1 --checkpoint-action=exec='%s'",
            "ssh -o ProxyCommand='%s' db1",
            "rsync -e '%s' a b:c",
            "GIT_SSH_COMMAND='%s' git fetch",
            "PAGER='%s' man ls",
            "export EDITOR='%s'; git commit",
            "make -f - <<< 'all: ; %s'",
            "printf 'x:\\n\\t%s\\n' | make -f /dev/stdin",
            "sed -n '1e %s' notes.txt",
            "python3 -c \"import subprocess as sp; sp.run('%s', shell=True)\"",
            "python3 -c \"from os import system as run; run('%s')\"",
            "node -e \"const {execSync: x} = require('child_process'); x('%s')\"",
            "flock /tmp/lock -c '%s'",
            "watch -n 5 '%s'",
            "bash <(echo '%s')",
            "zip -T -TT '%s' out.zip notes.txt");

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void destructiveCommandsRunByAnotherProgramAreNotAllowedInProd(@ForAll @IntRange(min = 0, max = 32) int route,
                                                                   @ForAll @IntRange(min = 0, max = 4) int command) {
        String line = ROUTES.get(route).formatted(COMMANDS.get(command));
        Request request = new Request("", RequestKind.SHELL, new Payload.Shell(line),
                new RequestContext(Optional.of("prod"), Optional.of("/home/dev/project"), Map.of(), Optional.empty()),
                new Actor("alice", "claude-code", "s"));
        Decision d = INTERLOCK.decide(request);
        assertThat(d.effect()).as("%s → %s: %s", line, d.effect().wire(), d.summary()).isNotEqualTo(Effect.ALLOW);
    }
}
