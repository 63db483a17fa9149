package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Turns one run of a program into the operations it would perform. A recognizer is mostly a table of subcommands and
 * flags; it never does I/O. It returns the environment as {@link dev.interlock.model.Tier#UNKNOWN} unless it knows
 * better (files inside the workspace are {@code local}) and puts locators ({@code context}, {@code namespace},
 * {@code profile}, {@code project}, …) on the resource so environment resolution can find the tier.
 */
public interface Recognizer {

    /** The program names it handles, as base names ({@code kubectl}, {@code oc}). */
    Set<String> programs();

    List<Operation> recognize(Invocation invocation, Nested nested);
}
