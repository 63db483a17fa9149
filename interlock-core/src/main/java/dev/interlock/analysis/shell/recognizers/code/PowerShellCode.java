package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import java.util.List;

/**
 * PowerShell code, judged in one pass: statements made canonical, remote blocks judged on their computers, then every
 * cmdlet family (files, Windows server, Microsoft's on-premises servers, dbatools, Microsoft Graph, AWS Tools, Az, VMware PowerCLI, requests,
 * transfers) and the native programs the code runs.
 * The order matters: a pass that judges part of the code removes it before the passes after it.
 */
final class PowerShellCode {

    private PowerShellCode() {
    }

    /** Adds the operations to {@code ops}; the code left for the scan every language gets (remote blocks removed). */
    static String judged(String code, Invocation inv, Nested nested, List<Operation> ops) {
        code = PowerShellStatements.canonical(code);
        code = PowerShellDryRuns.judged(code);
        code = PowerShellRemoting.elsewhere(code, inv, nested, ops);
        code = PowerShellFileFilters.judged(code, inv, nested, ops);
        ops.addAll(PowerShellRequests.deletes(code, inv, nested));
        ops.addAll(EnvironmentVariables.operations(code, inv));
        ops.addAll(AwsToolsCmdlets.operations(code, inv, nested));
        ops.addAll(PowerCliCmdlets.operations(code, inv));
        ops.addAll(PowerShellCmdlets.operations(code, inv));
        ops.addAll(WindowsServerCmdlets.operations(code, inv, nested));
        ops.addAll(DbaToolsCmdlets.operations(code, inv, nested));
        ops.addAll(MgGraphCmdlets.operations(code, inv));
        ops.addAll(MicrosoftServerCmdlets.operations(code, inv));
        ops.addAll(PowerShellCmdlets.writes(code, inv));
        ops.addAll(PowerShellCmdlets.escalations(code, inv));
        ops.addAll(AzCmdlets.credentials(code, inv));
        ops.addAll(PowerShellCmdlets.readsAndQueries(code, inv, nested));
        ops.addAll(PowerShellTransfers.operations(code, inv));
        for (String program : PowerShellStatements.programs(code)) {
            for (Operation op : nested.shell(program, inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
        }
        return code;
    }
}
