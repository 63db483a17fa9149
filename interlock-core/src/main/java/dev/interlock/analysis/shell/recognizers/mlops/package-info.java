/**
 * Machine-learning platforms' CLIs (MLflow's {@code mlflow}, Hugging Face's {@code hf} and {@code huggingface-cli},
 * DVC's {@code dvc}, Ollama's {@code ollama}, Feast's {@code feast}, Kaggle's {@code kaggle}, W&amp;B's {@code wandb}, Replicate's {@code cog}),
 * each a table of its commands: listing, describing and downloading read; deleting runs, models and remote objects
 * changes the server or store the command line names (a feature repository's directory places a feature store);
 * uploading to the Hub, a Kaggle dataset or a W&amp;B artifact, or pushing a model to Replicate, sends data off the machine.
 */
package dev.interlock.analysis.shell.recognizers.mlops;
