package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Password crackers. Cracking hashes (john, hashcat), merging them out of the shadow file (unshadow) and extracting a
 * protected file's hash to crack ({@code zip2john}, {@code ssh2john}) all recover credentials: {@code credential}
 * reads. Benchmarks, self-tests and listings touch no hash. Guessing a live service's logins (hydra, medusa, ncrack)
 * is {@code offensive.AttackTools}', judged by its targets.
 */
final class PasswordCrackers {

    static final Set<String> PROGRAMS = Set.of("john", "hashcat", "unshadow", "zip2john", "rar2john", "7z2john", "ssh2john",
            "keepass2john", "office2john", "pdf2john", "gpg2john", "bitlocker2john", "fcrackzip", "pdfcrack", "aircrack-ng");
    /** Runs that only measure or describe the cracker itself (hashcat --stdout prints candidates, it reads no hash). */
    private static final Map<String, Set<String>> LOOKS_ONLY = Map.of(
            "hashcat", Set.of("-b", "--benchmark", "--benchmark-all", "-I", "--backend-info", "--version", "-V", "-h", "--help",
                    "--hash-info", "--example-hashes", "--stdout", "--identify"),
            "john", Set.of("--test", "--list", "--list-formats", "--help"));
    private static final Set<String> HELP = Set.of("--help", "--version");
    /** Runs that print what was cracked before, or the hashes still left: the passwords and hashes themselves. */
    private static final Set<String> SHOWS = Set.of("--show", "--left");
    private static final Set<String> HASHCAT_VALUED = Set.of("-m", "--hash-type", "-a", "--attack-mode", "-o", "--outfile",
            "-r", "--rules-file", "-w", "--workload-profile", "-d", "--backend-devices", "-D", "--opencl-device-types",
            "--session", "--outfile-format", "-1", "-2", "-3", "-4", "--custom-charset1", "--potfile-path", "--status-timer",
            "--runtime", "-j", "-k", "--increment-min", "--increment-max", "-t", "--markov-threshold", "--skip", "--limit",
            "--restore-file-path", "--segment-size", "--separator", "-p");
    private PasswordCrackers() {
    }

    static List<Operation> recognize(Invocation inv) {
        List<String> flags = inv.words().stream().map(w -> w.contains("=") ? w.substring(0, w.indexOf('=')) : w).toList();
        boolean shows = flags.stream().anyMatch(SHOWS::contains);
        Set<String> looksOnly = LOOKS_ONLY.getOrDefault(inv.program(), HELP);
        if (inv.words().isEmpty() || !shows && flags.stream().anyMatch(looksOnly::contains)) {
            return List.of(LocalFiles.local(inv, Operation.builder(inv.program(), Verb.READ).resource("program", inv.program())
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(inv.program() + " benchmarks, tests or describes itself: no hash is read"), "runs on this machine").build());
        }
        List<Arg> files = switch (inv.program()) {
            case "hashcat" -> {
                // hashcat HASHES [WORDLIST|MASK…]: the first operand holds the hashes
                List<Arg> operands = inv.parse(HASHCAT_VALUED).positionals();
                yield operands.isEmpty() ? List.of() : operands.subList(0, 1);
            }
            default -> inv.parse(Set.of("-w", "-f", "-l", "-u", "-c", "-p", "-d", "-b")).positionals().stream()
                    .filter(a -> !a.value().startsWith("-")).toList();
        };
        String what = shows ? " prints the passwords it cracked" : inv.program().endsWith("2john") || inv.program().equals("unshadow")
                ? " extracts password hashes to crack" : " cracks password hashes: it recovers the plaintext passwords";
        List<Operation> ops = new ArrayList<>();
        for (Arg file : files) {
            ops.add(LocalFiles.on(inv, Verb.CREDENTIAL, "file", file.value()).confidence(Confidence.INFERRED)
                    .note(inv.program() + what + " (" + file.value() + ")").build());
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL).resource("password-hashes", "")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(inv.program() + what), "this machine").build());
        }
        return ops;
    }
}
