package dev.interlock.analysis.shell.recognizers.mlops;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** MLflow's, Hugging Face's, DVC's, Ollama's, Feast's, Kaggle's, W&amp;B's, Cog's, BentoML's and Ray's command lines, one table each. */
public final class MlopsRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("mlflow", "hf", "huggingface-cli", "dvc", "ollama", "feast", "kaggle", "wandb", "cog", "bentoml",
                "ray");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        if (Set.of("kaggle", "wandb", "cog", "bentoml", "ray").contains(inv.program())) {
            // only some of their commands are in a table: the rest are judged as any unfamiliar CLI's
            return (switch (inv.program()) {
                case "kaggle" -> Kaggle.recognize(inv);
                case "wandb" -> Wandb.recognize(inv);
                case "bentoml" -> BentoMl.recognize(inv);
                case "ray" -> Ray.ray(inv);
                default -> Cog.recognize(inv);
            }).map(List::of).orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
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
