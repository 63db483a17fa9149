package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GPU status and management tools, where one program both reports and reconfigures: {@code nvidia-smi} with no
 * option, {@code -q}, {@code --query-gpu=…}, {@code -L}, {@code topo}, {@code pmon}, {@code dmon} reads (in a
 * production pod too: that is how a stuck inference server is looked at), while a reset ({@code -r}), persistence,
 * power, clock, compute, ECC or MIG settings change the GPU under every workload on it. {@code rocm-smi --show…} and
 * {@code amd-smi} reports read, their {@code --set…}/{@code --reset…} and {@code set}/{@code reset} change; DCGM's
 * {@code dcgmi discovery}, {@code health -c}, {@code dmon} read, {@code diag} runs stress tests on the GPUs (not a
 * read). {@code nvtop}, {@code nvitop}, {@code gpustat}, {@code intel_gpu_top} only show.
 */
final class GpuTools {

    static final Set<String> PROGRAMS = Set.of("nvidia-smi", "rocm-smi", "amd-smi", "dcgmi", "nvtop", "nvitop", "gpustat",
            "intel_gpu_top");

    /** nvidia-smi options that change the device (short and long spellings). */
    private static final Set<String> NVIDIA_CHANGES = Set.of("-r", "--gpu-reset", "-pm", "--persistence-mode", "-pl",
            "--power-limit", "-c", "--compute-mode", "-mig", "--multi-instance-gpu", "-e", "--ecc-config", "-p",
            "--reset-ecc-errors", "-ac", "--applications-clocks", "-rac", "--reset-applications-clocks", "-acp",
            "--applications-clocks-permission", "-lgc", "--lock-gpu-clocks", "-rgc", "--reset-gpu-clocks", "-lmc",
            "--lock-memory-clocks", "-rmc", "--reset-memory-clocks", "-am", "--accounting-mode", "-caa",
            "--clear-accounted-apps", "--auto-boost-default", "--auto-boost-permission", "-dm", "--driver-model", "-fdm",
            "--force-driver-model", "--gom", "-cc", "--cuda-clocks", "-pdm", "-mt");
    /** nvidia-smi subcommands and the options under them that only list. */
    private static final Map<String, Set<String>> NVIDIA_SUBCOMMAND_READS = Map.of(
            "mig", Set.of("-lgi", "-lgip", "-lci", "-lcip", "--list-gpu-instances", "--list-gpu-instance-profiles",
                    "--list-compute-instances", "--list-compute-instance-profiles", "-i", "--id", "-gi", "-h", "--help"),
            "drain", Set.of("-q", "--query", "-p", "--pciid", "-h", "--help"),
            "nvlink", Set.of("-s", "--status", "-c", "--capabilities", "-e", "--error-counters", "-g", "--getcounters",
                    "-p", "--pcibusid", "-R", "--remotelinkinfo", "-i", "--id", "-l", "--link", "-h", "--help"));
    /** Subcommands that only report. */
    private static final Set<String> NVIDIA_REPORTS = Set.of("topo", "pmon", "dmon", "clocks", "vgpu", "encodersessions",
            "fbcsessions", "conf-compute", "c2c");
    private static final Set<String> AMD_REPORTS = Set.of("list", "static", "firmware", "ucode", "bad-pages", "metric",
            "process", "topology", "monitor", "dmon", "event", "version", "xgmi", "partition", "help");
    private static final Set<String> DCGMI_REPORTS = Set.of("discovery", "topo", "dmon", "introspect", "nvlink", "version",
            "fieldgroup", "group", "health", "stats", "policy", "config", "profile", "modules");
    /** DCGM options that change state under a reporting subcommand: group -c, health -s, stats -e, config --set. */
    private static final Set<String> DCGMI_CHANGES = Set.of("-c", "--create", "-d", "--delete", "-a", "--add", "-r",
            "--remove", "-s", "--set", "-e", "--enable", "-x", "--jstart", "--jstop", "--jremove", "--jremoveall", "--clear",
            "--pause", "--resume", "--reg", "--denylist", "--blacklist", "--enforce");
    /** Under {@code health}, {@code -c} checks; only setting the watches changes anything. */
    private static final Set<String> DCGMI_HEALTH_CHANGES = Set.of("-s", "--set", "--clear");

    private GpuTools() {
    }

    static List<Operation> recognize(Invocation inv) {
        List<String> args = inv.args().stream().map(Arg::value).toList();
        Optional<String> change = switch (inv.program()) {
            case "nvidia-smi" -> nvidiaSmi(args);
            case "rocm-smi" -> args.stream().filter(a -> a.startsWith("--set") || a.startsWith("--reset")
                    || a.equals("--gpureset") || a.equals("-r") || a.equals("--load")).findFirst();
            case "amd-smi" -> args.isEmpty() || AMD_REPORTS.contains(args.getFirst()) || args.getFirst().startsWith("-")
                    ? Optional.empty() : Optional.of(args.getFirst());
            case "dcgmi" -> dcgmi(args);
            default -> Optional.empty();
        };
        if (change.isEmpty()) {
            return List.of(gpu(inv, Verb.READ, inv.program() + " reports the GPUs' state").build());
        }
        boolean diag = inv.program().equals("dcgmi") && change.get().equals("diag");
        return List.of(gpu(inv, diag ? Verb.EXECUTE : Verb.UPDATE, diag
                ? "dcgmi diag runs diagnostic workloads on the GPUs, beside whatever they are serving"
                : inv.program() + " " + change.get() + " changes the GPUs' configuration under every workload on them")
                .confidence(Confidence.INFERRED).build());
    }

    /** The option or subcommand that changes the device, if any. */
    private static Optional<String> nvidiaSmi(List<String> args) {
        if (!args.isEmpty() && NVIDIA_SUBCOMMAND_READS.containsKey(args.getFirst())) {
            Set<String> reads = NVIDIA_SUBCOMMAND_READS.get(args.getFirst());
            return args.stream().skip(1).filter(a -> a.startsWith("-") && !reads.contains(flag(a))).findFirst()
                    .map(a -> args.getFirst() + " " + a);
        }
        if (!args.isEmpty() && !args.getFirst().startsWith("-") && !NVIDIA_REPORTS.contains(args.getFirst())) {
            return Optional.of(args.getFirst());
        }
        return args.stream().filter(a -> NVIDIA_CHANGES.contains(flag(a))).findFirst();
    }

    private static Optional<String> dcgmi(List<String> args) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        if (!DCGMI_REPORTS.contains(args.getFirst())) {
            return Optional.of(args.getFirst());
        }
        Set<String> changes = args.getFirst().equals("health") ? DCGMI_HEALTH_CHANGES : DCGMI_CHANGES;
        return args.stream().skip(1).filter(a -> changes.contains(flag(a))).findFirst().map(a -> args.getFirst() + " " + a);
    }

    /** {@code --power-limit=200} → {@code --power-limit}. */
    private static String flag(String arg) {
        int eq = arg.indexOf('=');
        return eq > 0 ? arg.substring(0, eq) : arg;
    }

    private static Operation.Builder gpu(Invocation inv, Verb verb, String note) {
        return LocalFiles.local(inv, Operation.builder("host", verb).resource("gpu", inv.program()).evidence(inv.evidence())
                .note(note), "the GPUs of this machine");
    }
}
