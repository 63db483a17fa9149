-- Times are epoch milliseconds (UTC). JSON bodies are stored as text.

-- The hash chain: hash = SHA-256(prev_hash || body); body is canonical JSON that includes seq, time and type.
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    body      TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);

-- A signed head: signature = Ed25519(key, seq || ':' || head_hash).
CREATE TABLE audit_checkpoints (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    head_hash  TEXT    NOT NULL,
    key_id     TEXT    NOT NULL,
    public_key TEXT    NOT NULL,
    signature  TEXT    NOT NULL
);

-- Every decision the server answered, for GET /v1/decisions/{id} and session history.
CREATE TABLE decisions (
    decision_id TEXT    PRIMARY KEY,
    at          INTEGER NOT NULL,
    principal   TEXT    NOT NULL,
    agent       TEXT    NOT NULL,
    session     TEXT    NOT NULL,
    effect      TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    verbs       TEXT    NOT NULL,
    addresses   TEXT    NOT NULL,
    body        TEXT    NOT NULL
);
CREATE INDEX decisions_by_session ON decisions (session, at);

CREATE TABLE approvals (
    id            TEXT    PRIMARY KEY,
    fingerprint   TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    resolved_at   INTEGER,
    consumed_at   INTEGER,
    token_id      TEXT    NOT NULL,
    principal     TEXT    NOT NULL,
    agent         TEXT    NOT NULL,
    session       TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    environment   TEXT    NOT NULL,
    risk          TEXT    NOT NULL,
    terms         TEXT    NOT NULL,
    request       TEXT    NOT NULL,
    decision      TEXT    NOT NULL,
    reason        TEXT    NOT NULL DEFAULT '',
    consumed_by   TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX approvals_by_state ON approvals (state, created_at);
CREATE UNIQUE INDEX approvals_one_pending ON approvals (fingerprint, token_id) WHERE state = 'pending';

CREATE TABLE approval_views (
    approval_id   TEXT    NOT NULL,
    reviewer      TEXT    NOT NULL,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (approval_id, reviewer)
);

CREATE TABLE approval_reviews (
    approval_id TEXT    NOT NULL,
    reviewer    TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,
    comment     TEXT    NOT NULL DEFAULT '',
    at          INTEGER NOT NULL,
    review_ms   INTEGER NOT NULL,
    PRIMARY KEY (approval_id, reviewer)
);

CREATE TABLE grants (
    id               TEXT    PRIMARY KEY,
    approval_id      TEXT    NOT NULL,
    rule_id          TEXT    NOT NULL,
    resource_pattern TEXT    NOT NULL,
    session          TEXT    NOT NULL DEFAULT '',
    principal        TEXT    NOT NULL DEFAULT '',
    created_by       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    revoked_at       INTEGER,
    revoked_by       TEXT    NOT NULL DEFAULT '',
    uses             INTEGER NOT NULL DEFAULT 0
);

-- Outcomes adapters reported after an allowed action (POST /v1/executions).
CREATE TABLE executions (
    decision_id TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    exit_code   INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    reported_by TEXT    NOT NULL
);
CREATE INDEX executions_by_decision ON executions (decision_id);

CREATE TABLE tokens (
    id           TEXT    PRIMARY KEY,
    hash         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL,
    principal    TEXT    NOT NULL,
    agent        TEXT    NOT NULL DEFAULT '',
    groups_csv   TEXT    NOT NULL DEFAULT '',
    description  TEXT    NOT NULL DEFAULT '',
    created_by   TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);
