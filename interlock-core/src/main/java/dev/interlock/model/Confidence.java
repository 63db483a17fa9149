package dev.interlock.model;

/** How sure analysis is: fully parsed, inferred from words, or opaque (could not be resolved statically). */
public enum Confidence implements Wire {
    EXACT, INFERRED, OPAQUE
}
