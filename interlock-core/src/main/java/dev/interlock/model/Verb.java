package dev.interlock.model;

/** What an operation does to its resource. */
public enum Verb implements Wire {
    READ, CREATE, UPDATE, DELETE, REPLACE, EXECUTE, ESCALATE, GRANT, CREDENTIAL, TRANSFER, UNKNOWN;

    /** Data or infrastructure would be gone afterwards. */
    public boolean destructive() {
        return this == DELETE || this == REPLACE;
    }
}
