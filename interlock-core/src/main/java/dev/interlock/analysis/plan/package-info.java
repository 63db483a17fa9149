/** Reads change plans (Terraform/OpenTofu, CloudFormation, Pulumi, Kubernetes manifests) and turns each change into an operation. */
package dev.interlock.analysis.plan;
