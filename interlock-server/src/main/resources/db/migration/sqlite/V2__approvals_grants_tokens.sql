-- Approvals, grants and tokens: what the approval service needs beyond V1.

-- The operations that needed approval (JSON: [{operation, rule, address, verb, name, environment}]), so confirmations
-- and grants are checked against exactly what was held.
ALTER TABLE approvals ADD COLUMN held TEXT NOT NULL DEFAULT '[]';
-- When the agent was told about a denial; a denial is reported once, a later retry asks again.
ALTER TABLE approvals ADD COLUMN reported_at INTEGER;
CREATE INDEX approvals_by_request ON approvals (fingerprint, token_id, created_at);
CREATE INDEX approvals_by_principal ON approvals (principal, created_at);

-- A grant may cover several rules and addresses: grants.rule_id and grants.resource_pattern hold one entry per line.
-- scope is 'session' (session and principal must match) or 'principal'.
ALTER TABLE grants ADD COLUMN scope TEXT NOT NULL DEFAULT 'session';
CREATE INDEX grants_by_principal ON grants (principal, expires_at);

ALTER TABLE tokens ADD COLUMN revoked_by TEXT NOT NULL DEFAULT '';
