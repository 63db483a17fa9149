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

    /** Tables kept as files: exports, extracts and samples of a data set ({@code customers.csv}, {@code events.parquet}). */
    private static final Pattern TABLES = Pattern.compile(
            "(?i).*\\.(csv|tsv|parquet|avro|orc|jsonl|ndjson|xlsx)(\\.(gz|zst|bz2|xz))?");
    /** The directories a server keeps its live data in ({@code /srv/app/data}, {@code /var/lib/app}, {@code exports/}). */
    private static final Pattern LIVE_DIRS = Pattern.compile("(?i)(^|.*/)(data|exports?|var/lib/[^/]+)/.*");

    /** Where a restore writes over live files: the root, or a server's data directory (not a scratch place). */
    private static final Pattern LIVE_DIRECTORY = Pattern.compile(
            "(?i)/|/(?!tmp/|var/tmp/|home/|Users/|root/|mnt/|media/)(.*/)?(data|db|database|var/lib/[^/]+|uploads|storage)/?");

    private DataFiles() {
    }

    /** A directory a restore into overwrites live data: {@code /}, {@code /srv/app/data}, {@code /var/lib/postgresql}. */
    public static boolean liveDirectory(String path) {
        return LIVE_DIRECTORY.matcher(path).matches();
    }

    /** A table kept as a file: on a server, or fetched from one, it is a copy of that server's data. */
    public static boolean holdsTable(String path) {
        return path != null && TABLES.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    /**
     * A database file, or a table kept in a server's data directory ({@code /srv/app/data/feature_flags.csv}): on a
     * machine declared prod it is that machine's live data even inside the workspace.
     */
    public static boolean holdsLiveData(String path) {
        return holdsData(path) || holdsTable(path) && LIVE_DIRS.matcher(path).matches();
    }

    public static boolean holdsData(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return NAMES.matcher(name).matches() && !NOT_DATA.matcher(name).matches();
    }
}
