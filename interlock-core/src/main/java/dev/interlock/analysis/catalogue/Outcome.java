package dev.interlock.analysis.catalogue;

import dev.interlock.model.Wire;

/** What deleting a resource that holds data does to the data. */
public enum Outcome implements Wire {
    /** The data goes with the resource. */
    LOST,
    /** A final snapshot, a retention or a recovery window keeps it. */
    KEPT,
    /** The provider refuses the delete (deletion protection, a bucket that still has objects): the apply fails. */
    REFUSED
}
