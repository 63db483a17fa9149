package dev.interlock.analysis.shell.recognizers.dataplatforms;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.MigrationRecognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** Data-platform CLIs, one table each: {@code bq}, {@code dbt}, {@code airflow}, {@code databricks}, {@code dagster}, {@code prefect}, {@code kedro}, {@code lakectl}, and the data catalogs' {@code datahub} and OpenMetadata's {@code metadata}. */
public final class DataPlatformRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("bq", "dbt", "airflow", "databricks", "dagster", "prefect", "lakectl", "kedro", "datahub", "metadata");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().contains("--help") || inv.words().contains("-h") && inv.words().size() == 1
                || inv.words().equals(List.of("--version"))) {
            return List.of();
        }
        return switch (inv.program()) {
            case "bq" -> BigQuery.recognize(inv, nested);
            case "dbt" -> Dbt.recognize(inv);
            case "airflow" -> Airflow.recognize(inv);
            // prefect server database reset|upgrade|downgrade migrate the server's own database, as migration tools do
            case "prefect" -> inv.words().size() > 2 && inv.words().subList(0, 2).equals(List.of("server", "database"))
                    ? new MigrationRecognizer().recognize(inv, nested) : Orchestrators.recognize(inv);
            case "dagster" -> Orchestrators.recognize(inv);
            case "lakectl" -> LakeFs.recognize(inv);
            case "kedro" -> Kedro.recognize(inv);
            case "datahub" -> DataHub.recognize(inv);
            case "metadata" -> OpenMetadata.recognize(inv);
            default -> Databricks.recognize(inv);
        };
    }
}
