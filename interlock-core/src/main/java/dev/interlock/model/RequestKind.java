package dev.interlock.model;

/** What kind of payload an adapter received. */
public enum RequestKind implements Wire {
    SHELL, SQL, MCP, TERRAFORM_PLAN, CLOUDFORMATION_CHANGESET, PULUMI_PREVIEW, KUBERNETES_MANIFEST, OPERATION, FILE_EDIT
}
