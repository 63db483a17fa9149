package dev.interlock.environment;

import java.util.regex.Pattern;

/**
 * Files that hold a database's data (SQLite and DuckDB files, InnoDB and MyISAM tablespaces, Redis and WiredTiger
 * files, H2 and Realm stores). In a developer's workspace they are disposable dev data; in the workspace of a machine
 * the request declares prod or staging they are that environment's live data, not the project's source.
 */
public final class DataFiles {

    private static final Pattern NAMES = Pattern.compile(
            "(?i).*\\.(db|db3|sqlite|sqlite3|duckdb|mdb|accdb|ibd|myd|myi|wt|realm|ldb)|.*\\.mv\\.db|ibdata\\d+|ib_logfile\\d+"
                    + "|dump\\.rdb|.*\\.aof");
    private static final Pattern NOT_DATA = Pattern.compile("(?i)thumbs\\.db|\\.ds_store");

    private DataFiles() {
    }

    public static boolean holdsData(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return NAMES.matcher(name).matches() && !NOT_DATA.matcher(name).matches();
    }
}
