package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tasks and services registered to run as the machine itself: {@code schtasks /create … /ru SYSTEM},
 * {@code Register-ScheduledTask … -User SYSTEM} or {@code -RunLevel Highest}, {@code sc create} (a service runs as
 * LocalSystem unless {@code obj=} names another account) and {@code New-Service} (likewise without
 * {@code -Credential}). Whoever registers one runs code with every privilege of the machine, unattended: escalation.
 */
public final class SystemAccounts {

    private SystemAccounts() {
    }

    /** The accounts that are the machine itself, lower case. */
    private static final Set<String> SYSTEM = Set.of("system", "nt authority\\system", "localsystem", ".\\localsystem",
            "nt authority\\localsystem", "s-1-5-18");

    /** Whether {@code account} is SYSTEM by any of its names (quotes and case do not matter). */
    public static boolean isSystem(String account) {
        return SYSTEM.contains(Regex.replaceAll(account.trim(), "^['\"]|['\"]$", "").toLowerCase(Locale.ROOT));
    }

    /** An escalation on this machine: {@code type} ({@code scheduled-task}, {@code service}) named {@code name}. */
    public static Operation escalation(Invocation inv, String type, String name, String why) {
        return LocalFiles.local(inv, Operation.builder("os", Verb.ESCALATE).resource(type, name).stateful(true)
                .reversible(false).evidence(inv.evidence()).note(why), "this machine's " + type + "s").build();
    }

    private static final String ACCOUNT = "['\"]?(?:NT AUTHORITY\\\\)?(?:SYSTEM|LocalSystem)['\"]?(?![\\w-])";

    /**
     * PowerShell that registers a task to run as SYSTEM or elevated ({@code New-ScheduledTaskPrincipal -UserId SYSTEM
     * -RunLevel Highest} handed to {@code Register-ScheduledTask -Principal}), or creates a service that runs as
     * LocalSystem.
     */
    public static List<Operation> powershell(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        if (Regex.find(code, "(?i)\\b(Register|Set)-ScheduledTask\\b")
                && Regex.find(code, "(?i)-(User|UserId)\\s+" + ACCOUNT + "|-RunLevel\\s+['\"]?Highest\\b")) {
            ops.add(escalation(inv, "scheduled-task", "", "registers a scheduled task that runs as SYSTEM or with the highest privileges"));
        }
        if (Regex.find(code, "(?i)\\bNew-Service\\b") && !Regex.find(code, "(?i)\\bNew-Service\\b[^|;\\n]*-Credential\\b")) {
            ops.add(escalation(inv, "service", "", "creates a service, which runs as LocalSystem unless -Credential names another account"));
        }
        return ops;
    }
}
