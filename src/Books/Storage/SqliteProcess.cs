using SQLitePCL;

namespace BillingBooks.Books.Storage;

/// <summary>Process-wide SQLite settings for a program that opens company files (the `books` command).</summary>
public static class SqliteProcess
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static int _opened;

    /// <summary>A company file is being opened: from now on SQLite must not be re-initialized.</summary>
    internal static void Opening() => Interlocked.Exchange(ref _opened, 1);

    /// <summary>
    /// Turns off SQLite's memory statistics, which nothing here reads: with them on, every allocation SQLite makes
    /// takes a process-wide lock (5% of a first sync's time, measured). SQLite accepts this only while it is not
    /// initialized, so call it at program start, before any connection is opened; once a company file was opened it
    /// changes nothing and returns false (re-initializing SQLite under open connections would break them).
    /// </summary>
    public static bool TurnOffMemoryStatistics()
    {
        if (Volatile.Read(ref _opened) != 0) return false;
        Batteries_V2.Init();
        if (raw.sqlite3_shutdown() != raw.SQLITE_OK) return false;
        var configured = raw.sqlite3_config(ConfigMemStatus, 0) == raw.SQLITE_OK;
        return raw.sqlite3_initialize() == raw.SQLITE_OK && configured;
    }
}
