package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Diagnostics of running processes, where the same tool reads, copies or changes by its arguments. What shows only
 * counters, stacks, flags or histograms is a {@code read}, in production too: that is how an incident is looked at.
 * What shows memory contents or payloads in clear ({@code py-spy --locals}, {@code strace -s 4096 -e trace=write},
 * {@code ltrace -e SSL_write}, a bpftrace program printing buffers) is a {@code credential} read; a heap or core dump
 * written out is a copy of the process's data ({@link DatabaseOps#COPIES_DATA}); flags set, MBean operations invoked
 * and agents loaded change the process ({@code update}, {@code execute}). GPU tools ({@link GpuTools}) report the
 * devices' state the same way, and change it with their reset and settings options.
 */
public final class RuntimeDiagnostics implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(JvmTools.PROGRAMS);
        all.addAll(Tracers.PROGRAMS);
        all.addAll(KernelTracing.PROGRAMS);
        all.addAll(GpuTools.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (JvmTools.PROGRAMS.contains(inv.program())) {
            return JvmTools.recognize(inv);
        }
        if (GpuTools.PROGRAMS.contains(inv.program())) {
            return GpuTools.recognize(inv);
        }
        if (KernelTracing.PROGRAMS.contains(inv.program())) {
            return KernelTracing.recognize(inv, nested);
        }
        return Tracers.recognize(inv, nested);
    }

    /** A look at {@code process}: counters, stacks, flags. */
    static Operation read(Invocation inv, String process, String note) {
        return of(inv, Verb.READ, process, note).build();
    }

    /** Secrets and payloads printed in clear from {@code process}'s memory or I/O. */
    static Operation secrets(Invocation inv, String process, String note) {
        return of(inv, Verb.CREDENTIAL, process, note).confidence(Confidence.INFERRED).reversible(false).build();
    }

    /** {@code process}'s memory written to a file: whatever it held (customer data, tokens) is copied out. */
    static Operation dump(Invocation inv, String process, String note) {
        return of(inv, Verb.READ, process, note).locator(DatabaseOps.COPIES_DATA, "process-memory").build();
    }

    /** A change to the running process (a flag set, an operation invoked, code loaded into it). */
    static Operation change(Invocation inv, Verb verb, String process, String note) {
        return of(inv, verb, process, note).confidence(Confidence.INFERRED).build();
    }

    /** The operation moved to the JVM or process on {@code host} (a JMX port, a remote agent), unless that is this machine. */
    static Operation on(Operation op, String host) {
        if (host.isEmpty() || Hosts.loopback(host)) {
            return op;
        }
        return op.toBuilder().locator("host", host).environment(Tier.UNKNOWN, "").build();
    }

    private static Operation.Builder of(Invocation inv, Verb verb, String process, String note) {
        return LocalFiles.local(inv, Operation.builder("process", verb).resource("process", process).evidence(inv.evidence())
                .note(note), "a process on this machine");
    }
}
