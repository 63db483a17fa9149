package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A notebook's code cells as the script they run: shell lines as commands, the rest as inline Python. */
class NotebooksTest {

    @Test
    void shellLinesAndCellsAreCommandsAndTheRestIsPython() {
        String nb = """
                {"cells": [
                  {"cell_type": "markdown", "source": ["!rm -rf / in prose\\n"]},
                  {"cell_type": "code", "source": ["%%bash\\n", "kubectl delete ns x\\n"]},
                  {"cell_type": "code", "source": ["import os\\n", "if True:\\n", "    !rm -rf {target}\\n", "%matplotlib inline\\n"]}
                ], "metadata": {}, "nbformat": 4}
                """;
        String script = Notebooks.script(nb);
        assertThat(script).startsWith("kubectl delete ns x\n").contains("rm -rf \"${INTERLOCK_NOTEBOOK_VALUE}\"\n")
                .contains("python3 - <<").contains("    pass\n").doesNotContain("in prose").doesNotContain("%matplotlib");
    }

    @Test
    void otherKernelsAndNonCodeCellMagicsRunNothingHere() {
        assertThat(Notebooks.script("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"!TRUE\"}], \"metadata\": {\"kernelspec\": {\"language\": \"R\"}}}"))
                .isEmpty();
        assertThat(Notebooks.script("%%writefile notes.txt\n!rm -rf /\n")).isEmpty();
    }

    @Test
    void anEditsFragmentAndACellsOwnSourceAreRead() {
        assertThat(Notebooks.script("   \"source\": [\n    \"!gsutil rm -r gs://b\\n\",\n   ]")).isEqualTo("gsutil rm -r gs://b\n");
        assertThat(Notebooks.script("x = 1\nfiles = !ls data")).startsWith("ls data\n");
    }
}
