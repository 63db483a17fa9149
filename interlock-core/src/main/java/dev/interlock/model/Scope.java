package dev.interlock.model;

/** How many things an operation touches: one, many (a selector, a WHERE clause), or all (wildcards, --all, a whole namespace). */
public enum Scope implements Wire {
    ONE, MANY, ALL
}
