package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which find expressions bound what their {@code -delete} removes to names builds and runs make again. */
class FindCommandsTest {

    private static boolean regenerable(String expression) {
        return FindCommands.regenerableMatches(List.of(expression.split(" ")));
    }

    @Test
    void aRegenerableNameBoundsTheBranchWhateverNarrowsIt() {
        assertThat(regenerable("-name *.pyc")).isTrue();
        assertThat(regenerable("-type f -name *.log -mtime +3")).isTrue();
        assertThat(regenerable("-name *.log ! -name keep.log -size +1M")).isTrue();
        assertThat(regenerable("( -name *.pyc -o -name *.pyo ) -mmin +60")).isTrue();
        assertThat(regenerable("-path ./.venv -prune -o -name *.tmp")).isTrue();
    }

    @Test
    void negationsAlternativesAndMissingNamesBoundNothing() {
        assertThat(regenerable("! -name *.log")).isFalse();
        assertThat(regenerable("-not -name *.pyc")).isFalse();
        assertThat(regenerable("-name *.log -o -type f")).isFalse();
        assertThat(regenerable("( -name *.pyc -o -name *.py )")).isFalse();
        assertThat(regenerable("! ( -name *.pyc -o -name *.pyo )")).isFalse();
        assertThat(regenerable("-mtime +3")).isFalse();
        assertThat(regenerable("-name *.py")).isFalse();
        assertThat(regenerable("( -name *.pyc")).isFalse();
    }
}
