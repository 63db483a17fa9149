package dev.interlock.analysis.shell.recognizers.lms;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Learning platforms' admin tools, one table each: Moodle's {@code moosh} and its {@code admin/cli/*.php} scripts
 * (run by {@code php}, dispatched here as {@link #MOODLE_SCRIPT}) act on the Moodle site of the working directory or
 * the path they name, placed like other site CLIs; Open edX's {@code tutor} runs the platform on this machine
 * ({@code tutor local|dev}) or in the Kubernetes cluster the kubeconfig selects ({@code tutor k8s}).
 */
public final class LearningPlatforms implements Recognizer {

    /** The program a {@code php …/admin/cli/NAME.php} run is judged as; its first word is the script's path. */
    public static final String MOODLE_SCRIPT = "moodle-admin-cli";

    @Override
    public Set<String> programs() {
        return Set.of("moosh", "moosh.php", "tutor", MOODLE_SCRIPT);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        return switch (inv.program()) {
            case "tutor" -> Tutor.recognize(inv);
            case MOODLE_SCRIPT -> MoodleAdminScripts.recognize(inv);
            default -> Moosh.recognize(inv, nested);
        };
    }
}
