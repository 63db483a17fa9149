package dev.interlock.environment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://nomad.prod:4646/v1/jobs | nomad.prod",
        "http://localhost:8080@evil.example/simple | evil.example",
        "https://registry.npmjs.org:x@evil.example | evil.example",
        "qemu+ssh://root@KVM1.Prod.internal/system | kvm1.prod.internal",
        "qemu:///system | ''",
        "[::1]:8080 | ::1",
        "http://[fe80::1]/x | fe80::1",
        "::1 | ::1",
        "kafka-1.prod:9092 | kafka-1.prod",
        "deploy@web-1.prod:/srv/app | web-1.prod",
        "unix:///var/run/docker.sock | localhost",
        "https://prom.internal/api?match[]={__name__=~\"x\"} | prom.internal",
        "my_host:5432 | my_host",
    })
    void readsTheHostPastSchemeUserInfoAndPort(String address, String host) {
        assertThat(Hosts.of(address)).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource({"localhost,true", "127.0.0.2,true", "[::1],true", "::1,true", "0.0.0.0,true", "app.localhost,true",
        "LOCALHOST,true", "127.0.1.1,true", "localhost.evil.example,false", "localhost.example.com,false", "10.0.0.1,false",
        "'',false", "db.prod.internal,false", "[2001:db8::1],false", "host.docker.internal,false"})
    void loopbackIsThisMachineOnly(String host, boolean loopback) {
        assertThat(Hosts.loopback(host)).isEqualTo(loopback);
    }
}
