package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Servers that run PowerShell, locally or over WinRM on a named computer: the script is judged by the PowerShell
 * analysis, on that computer as {@code Invoke-Command -ComputerName HOST -ScriptBlock { SCRIPT }} would be, so reads
 * stay reads in prod and a change takes the computer's environment.
 */
final class PowerShellTools {

    private PowerShellTools() {
    }

    private static final Function<McpCall, List<Operation>> RUN = c -> {
        String script = c.text("script", "command", "code", "scriptBlock", "script_block", "powershell");
        if (script.isEmpty()) {
            return List.of(c.opaque("a PowerShell tool called without a script"));
        }
        String computer = c.text("computer", "computerName", "computer_name", "ComputerName", "host", "hostname", "server",
                "target");
        String code = computer.isEmpty() ? script
                : "Invoke-Command -ComputerName " + computer + " -ScriptBlock { " + script + " }";
        return c.analyses().shell(Shell.join(List.of("pwsh", "-NoProfile", "-Command", code)));
    };

    static final ToolFamily FAMILY = new ToolFamily("powershell", c -> true,
            Map.ofEntries(Map.entry("run_powershell", RUN), Map.entry("execute_powershell", RUN),
                    Map.entry("invoke_powershell", RUN), Map.entry("powershell", RUN), Map.entry("run_ps", RUN),
                    Map.entry("run_powershell_script", RUN), Map.entry("invoke_command", RUN),
                    Map.entry("winrm_run_powershell", RUN), Map.entry("run_remote_powershell", RUN)));
}
