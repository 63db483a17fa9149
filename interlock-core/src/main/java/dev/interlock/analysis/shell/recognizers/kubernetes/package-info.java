/** kubectl (with its plugins: argo rollouts, cnpg, tree, view-secret, …), helm, eksctl and the GitOps CLIs (argocd, flux): resources by kind and verb, the context, cluster and namespace they act in. */
package dev.interlock.analysis.shell.recognizers.kubernetes;
