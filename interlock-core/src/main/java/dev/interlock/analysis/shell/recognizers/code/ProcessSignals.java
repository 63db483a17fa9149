package dev.interlock.analysis.shell.recognizers.code;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Code that signals every process it can reach: {@code os.kill(-1, 9)}, or a kill call over the list of all processes
 * ({@code os.listdir('/proc')}, {@code psutil.process_iter()}, {@code readdirSync('/proc')}). Either is the machine
 * stopped, as {@code kill -KILL -1} is; judged as that command. A kill of one PID, or a look at {@code /proc} that kills
 * nothing, or a kill of the listed processes picked by name, is not this.
 */
final class ProcessSignals {

    /** A kill call in any of the scripting languages: Python, Node, Ruby, Perl, PHP; psutil's methods on a process. */
    private static final Pattern KILL = Pattern.compile("\\b(?:os\\.kill|os\\.killpg|process\\.kill|Process\\.kill|posix_kill)\\s*\\(|"
            + "\\bkill\\s*\\(?\\s*['\"]?\\w+['\"]?\\s*,|\\.(?:kill|terminate|send_signal)\\s*\\(");
    /** Signalling PID -1: every process the caller may signal. */
    private static final Pattern EVERY_PID = Pattern.compile("\\b(?:os\\.kill|process\\.kill|posix_kill)\\s*\\(\\s*-1\\s*,"
            + "|\\bProcess\\.kill\\s*\\([^,)]+,\\s*-1\\s*\\)|\\bkill\\s*\\(?\\s*['\"]?\\w+['\"]?\\s*,\\s*-1\\b");
    /** Every process listed: the /proc directory read, psutil's iterators, Ruby's and Node's process tables. */
    private static final Pattern ALL_PROCESSES = Pattern.compile("(?:listdir|scandir|readdirSync|readdir|glob|entries|children|opendir)"
            + "\\s*\\(\\s*['\"]/proc/?['\"]|\\bprocess_iter\\s*\\(|\\bpsutil\\.pids\\s*\\(|\\bSys::ProcTable|\\bps-list\\b");
    /** The list narrowed to processes by name or command line: the caller's own program, not every process. */
    private static final Pattern BY_NAME = Pattern.compile("\\.name\\s*\\(\\)|\\bname\\s*==|cmdline|/comm\\b|\\[['\"]name['\"]\\]|\\.username\\s*\\(");

    private ProcessSignals() {
    }

    /** The shell command with the same effect, when the code signals every process. */
    static List<String> commandLines(String code) {
        if (!code.contains("kill") && !code.contains("terminate") && !code.contains("send_signal")) {
            return List.of(); // cheap gate: no signalling call at all
        }
        if (EVERY_PID.matcher(code).find() || KILL.matcher(code).find() && ALL_PROCESSES.matcher(code).find()
                && !BY_NAME.matcher(code).find()) {
            return List.of("kill -KILL -1");
        }
        return List.of();
    }
}
