package dev.interlock.analysis.shell.recognizers.mlops;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** MLflow's, Hugging Face's, DVC's, Ollama's and Feast's command lines, one table each. */
public final class MlopsRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("mlflow", "hf", "huggingface-cli", "dvc", "ollama", "feast");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return List.of(switch (inv.program()) {
            case "mlflow" -> Mlflow.recognize(inv);
            case "dvc" -> Dvc.recognize(inv);
            case "ollama" -> Ollama.recognize(inv);
            case "feast" -> Feast.recognize(inv);
            default -> HuggingFace.recognize(inv);
        });
    }
}
