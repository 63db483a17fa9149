package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a clone made earlier in the line lands, as git names it. */
class FreshClonesTest {

    @Test
    void aCloneGoesWhereGitPutsIt() {
        assertThat(FreshClones.destination(List.of("clone", "git@github.com:acme/shop.git"))).contains("shop");
        assertThat(FreshClones.destination(List.of("clone", "--mirror", "https://github.com/acme/shop.git"))).contains("shop.git");
        assertThat(FreshClones.destination(List.of("clone", "--depth", "1", "/home/dev/shop/", "scrub"))).contains("scrub");
        assertThat(FreshClones.destination(List.of("-C", "/tmp", "clone", "/home/dev/shop"))).contains("/tmp/shop");
        assertThat(FreshClones.destination(List.of("pull", "origin"))).isEmpty();
    }
}
