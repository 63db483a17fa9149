/** Programs that rewrite files in place (yq -i, sd, ed, patch, formatters, kustomize edit): each edit is a file write. */
package dev.interlock.analysis.shell.recognizers.editing;
