package dev.interlock.analysis.file;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Pester test file ({@code *.Tests.ps1} with {@code Describe} blocks): its block keywords and their titles
 * ({@code Describe 'Remove-StaleDevice'}), its mocks ({@code Mock Remove-CMDevice {}} replaces the command, it does not
 * run it) and its assertions ({@code Should -Invoke Remove-CMDevice}) are test structure, not commands. In the
 * workspace, the calls its blocks make on this machine are the code under test (run with its mocks), not actions of
 * writing it; those that reach a named or unknown environment are still judged as any script's statements are.
 */
final class PesterTests {

    private PesterTests() {
    }

    private static final Pattern DESCRIBE = Pattern.compile("(?m)^\\s*Describe\\b");
    /** A block keyword with its title and options, up to its script block's brace, which is kept for the blocks' nesting. */
    private static final Pattern BLOCK = Pattern.compile("(?im)^(\\s*)(?:Describe|Context|It|BeforeAll|AfterAll|BeforeEach|AfterEach"
            + "|BeforeDiscovery|Mock|InModuleScope)\\b[^{\\n]*");
    /** An assertion, alone on its line or at the end of a pipeline. */
    private static final Pattern SHOULD = Pattern.compile("(?im)(^\\s*|\\|\\s*)Should\\b[^\\n]*");

    /** A Pester test: named {@code *.Tests.ps1} (tested first: this runs for every .ps1 written) with a Describe block. */
    static boolean is(String path, String content) {
        return path.toLowerCase(Locale.ROOT).endsWith(".tests.ps1") && DESCRIBE.matcher(content).find();
    }

    /** The statements of a Pester test's {@code content} that run, without its block keywords, mocks and assertions. */
    static String statements(String content) {
        return BLOCK.matcher(SHOULD.matcher(content).replaceAll("")).replaceAll("$1");
    }
}
