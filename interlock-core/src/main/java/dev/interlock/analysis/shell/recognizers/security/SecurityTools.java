package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Security tooling, one table per kind: secret scanners, password crackers, static scanners, osquery, host sensors, supply-chain CLIs. */
public final class SecurityTools implements Recognizer {

    private static final Set<String> PROGRAMS;

    static {
        Set<String> all = new HashSet<>(SecretScanners.PROGRAMS);
        all.addAll(PasswordCrackers.PROGRAMS);
        all.addAll(ConfigScanners.PROGRAMS);
        all.addAll(Osquery.PROGRAMS);
        all.addAll(HostSensors.PROGRAMS);
        all.addAll(SupplyChainClis.PROGRAMS);
        PROGRAMS = Set.copyOf(all);
    }

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    /** The osquery table holding secrets in clear (process environments, shell history) that {@code sql} reads, if any. */
    public static java.util.Optional<String> osquerySecretTable(String sql) {
        return Osquery.secretTable(sql);
    }

    /** Whether osquery SQL writes or attaches a database rather than queries (osquery's tables are views of state). */
    public static boolean osqueryWrites(String sql) {
        return Osquery.writes(sql);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (SecretScanners.PROGRAMS.contains(program)) {
            return SecretScanners.recognize(inv);
        }
        if (PasswordCrackers.PROGRAMS.contains(program)) {
            return PasswordCrackers.recognize(inv);
        }
        if (Osquery.PROGRAMS.contains(program)) {
            return Osquery.recognize(inv);
        }
        if (HostSensors.PROGRAMS.contains(program)) {
            return HostSensors.recognize(inv);
        }
        if (SupplyChainClis.PROGRAMS.contains(program)) {
            List<Operation> ops = SupplyChainClis.recognize(inv);
            return ops.isEmpty() ? new UnrecognizedProgram().recognize(inv, nested) : ops;
        }
        List<Operation> scan = ConfigScanners.recognize(inv);
        return scan.isEmpty() ? new UnrecognizedProgram().recognize(inv, nested) : scan;
    }
}
