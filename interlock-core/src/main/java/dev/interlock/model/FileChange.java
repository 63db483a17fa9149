package dev.interlock.model;

/**
 * One file an agent's edit tool would change.
 *
 * @param path    the file, as the agent named it (absolute, relative to the request's cwd, or {@code ~/…})
 * @param action  what happens to it
 * @param content the new content (a whole file for create/write, the new text for an edit), or ""
 * @param movedTo the destination of a move, else ""
 */
public record FileChange(String path, Action action, String content, String movedTo) {

    public enum Action implements Wire {
        CREATE, WRITE, EDIT, DELETE, MOVE
    }

    public FileChange {
        content = content == null ? "" : content;
        movedTo = movedTo == null ? "" : movedTo;
    }

    /** Whether the file's old content is gone afterwards (a write over it, a delete, a move away). */
    public boolean losesContent() {
        return action == Action.WRITE || action == Action.DELETE || action == Action.MOVE;
    }
}
