using System.Globalization;
using BillingBooks.Books.Settings;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// One company's books: a single SQLite file (WAL, foreign keys on, PRAGMA application_id = <see cref="ApplicationId"/>,
/// PRAGMA user_version = schema version). All work happens in a scope: <see cref="Write{T}"/> runs one transaction
/// that commits only when the result is OK, <see cref="Read{T}"/> reads a consistent snapshot.
/// Not thread-safe: one CompanyFile per thread; open the file twice for parallel readers.
/// </summary>
public sealed class CompanyFile : IDisposable
{
    /// <summary>"BBKS": marks a SQLite file as a BillingBooks company file.</summary>
    public const int ApplicationId = 0x42424B53;

    /// <summary>SQLITE_READONLY: a write (or the log index a read needs) was refused by the file system.</summary>
    private const int SqliteReadOnly = 8;

    /// <summary>SQLITE_CANTOPEN: a file SQLite needs (here, the log's index) could not be opened or made.</summary>
    private const int SqliteCantOpen = 14;

    private readonly SqliteConnection _connection;
    private BooksRead? _scope;
    private BackgroundCheckpoints? _checkpoints;

    private CompanyFile(string path, SqliteConnection connection, TimeProvider clock, string? upgradeBackup, CompanyFileReadOnly? readOnly = null)
    {
        Path = path;
        _connection = connection;
        Clock = clock;
        UpgradeBackupPath = upgradeBackup;
        ReadOnly = readOnly;
    }

    public string Path { get; }

    /// <summary>
    /// Set when the file (or its folder) cannot be written: it was opened for reading only, and every
    /// <see cref="Write{T}"/> returns this error without running its work.
    /// </summary>
    public CompanyFileReadOnly? ReadOnly { get; }

    public TimeProvider Clock { get; }

    /// <summary>The schema version this build writes: the number of the last embedded migration.</summary>
    public static int CurrentSchemaVersion => Migrations.LatestVersion;

    /// <summary>Set when opening upgraded an older file: where the copy of the file as it was lies.</summary>
    public string? UpgradeBackupPath { get; }

    /// <summary>Creates a new company file with the default Canadian chart of accounts, taxes and tax codes.</summary>
    public static Result<CompanyFile> Create(string path, NewCompany company, TimeProvider? clock = null) =>
        Create(path, company, clock ?? TimeProvider.System, Migrations.LatestVersion);

    /// <summary>Creates a file at an older schema version: how tests make "a file from an older Books".</summary>
    internal static Result<CompanyFile> Create(string path, NewCompany company, TimeProvider clock, int schemaVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(company);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return new CompanyFileExists(path);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            return new InvalidInput("company file", $"the folder {folder} does not exist; create it first or choose another path.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var settings = company.Validate(today);
        if (!settings.TryGetValue(out var valid, out var invalid))
        {
            return invalid;
        }

        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            connection.Execute("PRAGMA application_id = " + ApplicationId.ToString(CultureInfo.InvariantCulture));
            Configure(connection);
            Migrations.Apply(connection, Migrations.Scripts.Where(m => m.Number <= schemaVersion));
            using (var transaction = connection.BeginTransaction())
            {
                NewCompanySeed.Write(connection, transaction, valid, clock.GetUtcNow(), withFiscalYears: schemaVersion >= 3);
                transaction.Commit();
            }

            return new CompanyFile(path, connection, clock, null);
        }
        catch
        {
            // A failure here is a bug (or a full disk): leave no half-made file behind.
            connection.Dispose();
            DeleteWithSidecars(path);
            throw;
        }
    }

    /// <summary>
    /// Opens a company file. Refuses (without changing a byte) anything that is not one, or one from a newer
    /// Books; upgrades an older one in place after copying it to <c>FILE.bak-v{old}</c>.
    /// </summary>
    public static Result<CompanyFile> Open(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return new CompanyFileIsAFolder(path);
        }

        if (!File.Exists(path))
        {
            return new CompanyFileNotFound(path);
        }

        try
        {
            if (FileHeader.Problem(path) is { } problem)
            {
                return new NotACompanyFile(path, problem);
            }
        }
        catch (UnauthorizedAccessException)
        {
            return new CompanyFileUnreadable(path);
        }

        var connection = Connect(path, SqliteOpenMode.ReadWrite);
        // SQLite opens a file it may not write for reading only, without an error: ask it.
        CompanyFileReadOnly? readOnly = SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1 ? new CompanyFileReadOnly(path, null) : null;
        try
        {
            long applicationId;
            try
            {
                applicationId = connection.ExecuteScalar<long>("PRAGMA application_id");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SqliteReadOnly or SqliteCantOpen)
            {
                // A folder it may not write: SQLite cannot make the log's index (FILE-shm) beside the file, which even
                // a read of a WAL file needs (READONLY without a log, CANTOPEN with one). Read it without changing a
                // byte, if that can be done safely.
                connection.Dispose();
                readOnly = new CompanyFileReadOnly(path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
                if (!ReadOnlyInFolder(path).TryGetValue(out var reader, out var error))
                {
                    return error;
                }

                connection = reader;
                applicationId = connection.ExecuteScalar<long>("PRAGMA application_id");
            }

            if (applicationId != ApplicationId)
            {
                connection.Dispose();
                return new NotACompanyFile(path, "it is a SQLite database of another program");
            }

            var version = checked((int)connection.ExecuteScalar<long>("PRAGMA user_version"));
            if (Migrations.IsNewer(connection))
            {
                connection.Dispose();
                return new NewerCompanyFile(path, version, Migrations.LatestVersion);
            }

            var pending = Migrations.Pending(connection);
            if (readOnly is not null)
            {
                if (pending.Count > 0)
                {
                    connection.Dispose();
                    return readOnly with { UpgradeFrom = version };
                }

                // The file is already in WAL mode (Books creates it so); only the connection's own settings apply.
                connection.Execute("PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;");
                return new CompanyFile(path, connection, clock ?? TimeProvider.System, null, readOnly);
            }

            Configure(connection);
            string? backup = null;
            if (pending.Count > 0)
            {
                backup = path + ".bak-v" + version.ToString(CultureInfo.InvariantCulture);
                using (var copy = Connect(backup, SqliteOpenMode.ReadWriteCreate))
                {
                    connection.BackupDatabase(copy);
                }

                Migrations.Apply(connection, pending);
            }

            return new CompanyFile(path, connection, clock ?? TimeProvider.System, backup);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB / SQLITE_CORRUPT: a damaged file is an expected situation, not a bug.
            connection.Dispose();
            return new NotACompanyFile(path, "the file is damaged: " + e.Message);
        }
    }

    /// <summary>
    /// A read-only connection to a file in a folder that cannot be written. With the log's files there (FILE-wal and
    /// FILE-shm), SQLite reads through them. Without a log, the file alone holds the books: it is opened immutable
    /// (SQLite takes no locks and needs no FILE-shm), which is safe only if nobody can change the file meanwhile - the
    /// folder may be read-only for this user alone, and its owner may be running Books on it (a read without locks
    /// could then miss entries or mix old and new pages). So only a file nobody may write is opened so.
    /// A log without its index would have to be read without the locks that keep a writer out: refused.
    /// </summary>
    private static Result<SqliteConnection> ReadOnlyInFolder(string path)
    {
        var connection = Connect(path, SqliteOpenMode.ReadOnly);
        try
        {
            connection.ExecuteScalar<long>("PRAGMA application_id");
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteReadOnly or SqliteCantOpen)
        {
            connection.Dispose();
        }

        var log = new FileInfo(path + "-wal");
        if (log.Exists && log.Length > 0)
        {
            return new CompanyFileLogUnreadable(path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyWrite) != 0)
        {
            return new CompanyFileMayChange(path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        return Connect(new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: commits when it returns OK, rolls back on an error result
    /// or an exception, so nothing is ever half-written.
    /// </summary>
    public Result<T> Write<T>(Func<BooksWrite, Result<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        EnsureNoScope();
        if (ReadOnly is { } readOnly)
        {
            return readOnly;
        }

        // Savepoint and statement journals in memory while writing (each holds the pages of one savepoint or statement,
        // and is emptied when it ends): on disk, a savepoint per synced record (a careful sync pass takes them) wrote every
        // page it touched to a temp file.
        // Reads keep the default, so a sort over millions of postings may still spill to disk.
        _connection.Execute("PRAGMA temp_store = MEMORY");
        try
        {
            return InTransaction(work);
        }
        finally
        {
            // After the transaction has ended (SQLite refuses the change inside one once temporary tables exist).
            _connection.Execute("PRAGMA temp_store = DEFAULT");
        }
    }

    private Result<T> InTransaction<T>(Func<BooksWrite, Result<T>> work)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var scope = new BooksWrite(_connection, transaction, Clock);
        _scope = scope;
        try
        {
            var result = work(scope);
            if (result.IsOk)
            {
                scope.Flush();
                transaction.Commit();
                _checkpoints?.Committed();
            }
            else
            {
                transaction.Rollback();
            }

            return result;
        }
        finally
        {
            _scope = null;
        }
    }

    /// <summary>
    /// <see cref="Write{T}"/> for work that can be done again, e.g. one page of a sync (its feed cursor commits with it):
    /// the commit is not forced to disk (SQLite synchronous=NORMAL in WAL mode). A crash of the program loses nothing;
    /// a power cut may undo the last such commits, each whole (the file stays consistent). The next <see cref="Write{T}"/>
    /// forces them to disk with its own commit. Saves one fsync per commit.
    /// </summary>
    public Result<T> WriteRedoable<T>(Func<BooksWrite, Result<T>> work)
    {
        _connection.Execute("PRAGMA synchronous = NORMAL");
        try
        {
            return Write(work);
        }
        finally
        {
            _connection.Execute("PRAGMA synchronous = FULL");
        }
    }

    /// <summary>Runs <paramref name="read"/> on a consistent snapshot of the file.</summary>
    public T Read<T>(Func<BooksRead, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        EnsureNoScope();
        using var transaction = _connection.BeginTransaction(deferred: true);
        using var scope = new BooksRead(_connection, transaction, Clock, writable: false);
        _scope = scope;
        try
        {
            return read(scope);
        }
        finally
        {
            _scope = null;
        }
    }

    /// <summary>
    /// For a long run of commits (a sync): the log is copied back into the file on another thread until the returned
    /// object is finished or disposed (see <see cref="BackgroundCheckpoints"/>).
    /// </summary>
    public BackgroundCheckpoints CheckpointInBackground()
    {
        EnsureNoScope();
        if (_checkpoints is not null) throw new InvalidOperationException("Bug: checkpoints are already made in the background.");
        var checkpoints = new BackgroundCheckpoints(Path, _connection, () => _checkpoints = null);
        _checkpoints = checkpoints;
        return checkpoints;
    }

    /// <summary>
    /// Makes every commit so far durable: <see cref="WriteRedoable"/> commits without syncing the log, which a later
    /// synced write or checkpoint normally does; a run stopped early (Ctrl-C) calls this instead. A checkpoint syncs
    /// the log before it copies it back into the file.
    /// </summary>
    public void Flush()
    {
        EnsureNoScope();
        _connection.Execute("PRAGMA wal_checkpoint(PASSIVE)");
    }

    public void Dispose()
    {
        try
        {
            _checkpoints?.Dispose();
        }
        finally
        {
            _connection.Dispose();
        }
    }

    internal static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false };
        SqliteProcess.Opening();
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    // synchronous = FULL: a commit is on disk when Write returns (a posted invoice survives a power cut), except for
    // WriteRedoable. WAL keeps readers and the one writer apart. A 16 MiB page cache: 32 and 64 MiB posted no faster
    // (500,000 entries in one Write; a 100,000 + 100,000 sync) and cost a sync its 200 MB memory goal.
    private static void Configure(SqliteConnection connection) =>
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;");

    private static void DeleteWithSidecars(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private void EnsureNoScope()
    {
        if (_scope is not null)
        {
            throw new InvalidOperationException("A Read or Write scope is already open on this company file; do all the work inside that scope.");
        }
    }
}
