package dev.interlock.server.approval;

import dev.interlock.model.GlobPattern;

/** Resource patterns of grants, in {@link GlobPattern} syntax, case-sensitive (addresses are exact). */
final class Glob {

    private Glob() {
    }

    static boolean matches(String glob, String text) {
        return GlobPattern.compile(glob, false).matcher(text).matches();
    }

    /** The part before the first wildcard; grants must name their system there so one never spans systems. */
    static String literalPrefix(String glob) {
        return GlobPattern.literalPrefix(glob);
    }
}
