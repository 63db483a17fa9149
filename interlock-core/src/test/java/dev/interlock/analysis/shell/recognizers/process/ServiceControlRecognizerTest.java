package dev.interlock.analysis.shell.recognizers.process;

import dev.interlock.analysis.shell.recognizers.SqlRecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceControlRecognizerTest {

    private final ServiceControlRecognizer recognizer = new ServiceControlRecognizer();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), new SqlRecordingNested());
    }

    private static void outage(Operation o) {
        assertThat(o.verb()).isEqualTo(Verb.UPDATE);
        assertThat(o.scope()).isEqualTo(Scope.ALL);
        assertThat(o.reversible()).isFalse();
    }

    @Test
    void systemctl() {
        assertThat(run("systemctl", "status", "nginx")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("systemctl", "restart", "nginx")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.UPDATE);
            assertThat(o.scope()).isEqualTo(Scope.ONE);
            assertThat(o.environment()).isEqualTo(Tier.LOCAL);
        });
        assertThat(run("systemctl", "stop", "sshd.service")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("systemctl", "disable", "--now", "NetworkManager")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("systemctl", "stop", "nginx", "php-fpm")).hasSize(2);
        assertThat(run("systemctl", "poweroff")).singleElement().satisfies(o -> {
            outage(o);
            assertThat(o.resource().type()).isEqualTo("host");
        });
        assertThat(run("systemctl", "-H", "root@web1.prod", "stop", "nginx")).singleElement().satisfies(o -> {
            assertThat(o.environment()).isEqualTo(Tier.UNKNOWN);
            assertThat(o.resource().locator("host")).isEqualTo("web1.prod");
        });
    }

    @Test
    void remoteRunsAreNotLocal() {
        Invocation base = Invocation.of("systemctl", "restart", "nginx");
        Invocation remote = new Invocation("systemctl", base.args(), Map.of(), base.workspace(), base.evidence(), Optional.empty(),
                Map.of("host", "web1"));
        assertThat(recognizer.recognize(remote, new SqlRecordingNested())).singleElement()
                .satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.UNKNOWN));
    }

    @Test
    void machineTransitions() {
        assertThat(run("shutdown", "-h", "now")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("reboot")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("init", "0")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("shutdown", "-c")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("service", "docker", "stop")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("service", "nginx", "reload")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
    }

    @Test
    void kill() {
        assertThat(run("kill", "12345")).singleElement().satisfies(o -> {
            assertThat(o.scope()).isEqualTo(Scope.ONE);
            assertThat(o.reversible()).isTrue();
        });
        assertThat(run("kill", "-9", "-1")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("kill", "-1")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("kill", "-9", "1")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("kill", "-HUP", "4242")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("kill", "-0", "4242")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("kill", "-l")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        Invocation expanded = Invocation.of("kill").withArgs(List.of(new Arg("$(lsof -t -i:3000)", false, false, Evidence.NONE)));
        assertThat(recognizer.recognize(expanded, new SqlRecordingNested())).singleElement().satisfies(o -> {
            assertThat(o.scope()).isEqualTo(Scope.MANY);
            assertThat(o.confidence()).isEqualTo(Confidence.INFERRED);
        });
    }

    @Test
    void killByName() {
        assertThat(run("pkill", "-f", "node server.js")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.MANY));
        assertThat(run("killall", "-9", "sshd")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("pkill", "-KILL", "-u", "deploy")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("killall", "node", "python")).hasSize(2);
    }

    @Test
    void crontabAndLaunchctl() {
        assertThat(run("crontab", "-l")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("crontab", "-r")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.stateful()).isTrue();
        });
        assertThat(run("crontab", "jobs.txt")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.REPLACE));
        assertThat(run("launchctl", "unload", "-w", "~/Library/LaunchAgents/com.example.agent.plist")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("launchctl", "list")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        // registering a job is a start-up change: it runs by itself at every login
        assertThat(run("launchctl", "load", "-w", "~/Library/LaunchAgents/com.example.agent.plist")).singleElement()
                .satisfies(o -> assertThat(o.system()).isEqualTo("startup"));
        assertThat(run("launchctl", "bootstrap", "gui/501", "/Library/LaunchDaemons/com.example.d.plist")).singleElement()
                .satisfies(o -> assertThat(o.resource().name()).isEqualTo("/Library/LaunchDaemons/com.example.d.plist"));
        assertThat(run("launchctl", "kickstart", "-k", "gui/501/com.example.agent")).singleElement()
                .satisfies(o -> assertThat(o.system()).isEqualTo("process"));
    }

    @Test
    void processManagers() {
        assertThat(run("pm2", "list")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("pm2", "restart", "api")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("pm2", "delete", "all")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.scope()).isEqualTo(Scope.ALL);
        });
        assertThat(run("pm2", "delete", "api")).singleElement().satisfies(o -> {
            assertThat(o.stateful()).isTrue();
            assertThat(o.scope()).isEqualTo(Scope.ONE);
        });
        assertThat(run("supervisorctl", "shutdown")).singleElement().satisfies(ServiceControlRecognizerTest::outage);
        assertThat(run("fuser", "-k", "3000/tcp")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.MANY));
    }
}
