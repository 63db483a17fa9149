package dev.interlock.cli.install;

/** An installation that cannot be done as asked; the message says why and what to do. Nothing was changed. */
final class InstallException extends RuntimeException {
    InstallException(String message) {
        super(message);
    }
}
