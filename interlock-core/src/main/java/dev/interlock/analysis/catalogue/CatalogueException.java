package dev.interlock.analysis.catalogue;

/** A catalogue (shipped or a policy's override) that cannot be read; the message names the file and entry. */
public final class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }
}
