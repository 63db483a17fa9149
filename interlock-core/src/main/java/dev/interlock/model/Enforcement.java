package dev.interlock.model;

/** Whether a rule's effect is applied, or only recorded as what it would have done. */
public enum Enforcement implements Wire {
    ENFORCE, DRY_RUN
}
