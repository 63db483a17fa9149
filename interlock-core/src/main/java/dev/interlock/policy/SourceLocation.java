package dev.interlock.policy;

/** A place in a policy file, 1-based, printed as {@code file:line:column}. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
