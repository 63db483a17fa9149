package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which listings print exactly the paths they were given, for a consumer such as {@code xargs rm}. */
class PathListingsTest {

    private static List<String> listed(String command) {
        List<String> words = List.of(command.split(" "));
        return PathListings.listed(words.getFirst(), words.subList(1, words.size()));
    }

    @Test
    void filesNamedToLsArePrintedAsGiven() {
        assertThat(listed("ls outputs/plots/*.png")).containsExactly("outputs/plots/*.png");
        assertThat(listed("ls -1t build/*.o report.csv")).containsExactly("build/*.o", "report.csv");
        assertThat(listed("ls -d build dist")).containsExactly("build", "dist");
    }

    @Test
    void directoriesAndDecoratedListingsAreUnknown() {
        assertThat(listed("ls")).isEmpty();
        assertThat(listed("ls ~")).isEmpty();
        assertThat(listed("ls build/*")).isEmpty();
        assertThat(listed("ls -l *.log")).isEmpty();
        assertThat(listed("ls -F *.sh")).isEmpty();
        assertThat(listed("ls -R src/*.c")).isEmpty();
    }

    @Test
    void gitLsFilesPrintsItsPathspecsOrTheFilesBelowThem() {
        assertThat(listed("git ls-files -z -o *.orig")).containsExactly("*.orig");
        assertThat(listed("git ls-files src")).containsExactly("src/{}");
        assertThat(listed("git ls-files --others")).containsExactly("./{}");
        assertThat(listed("git ls-files -s *.c")).isEmpty();
        assertThat(listed("git ls-files :!vendor")).isEmpty();
        assertThat(listed("git log --name-only")).isEmpty();
    }
}
