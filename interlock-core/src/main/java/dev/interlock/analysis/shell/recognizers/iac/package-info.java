/** Infrastructure-as-code and configuration-management CLIs (terraform, tofu, terragrunt, pulumi, cdk, the serverless deployers sam and sls, ansible, salt, chef, puppet, pyinfra, the AWX/Tower controller, Molecule's role tests, the remote task runners fab and cap): what a run applies or destroys, and the workspace or stack it targets. */
package dev.interlock.analysis.shell.recognizers.iac;
