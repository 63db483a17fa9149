/** Infrastructure-as-code CLIs (terraform, tofu, terragrunt, pulumi, cdk, and the serverless deployers sam and sls): what a run applies or destroys, and the workspace or stack it targets. */
package dev.interlock.analysis.shell.recognizers.iac;
