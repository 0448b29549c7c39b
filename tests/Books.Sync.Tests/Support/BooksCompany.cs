using System.Text.Json;
using BillingBooks.Books.Cli;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>A real company file in a temporary folder, and the real `books` command run in-process on it.</summary>
public sealed class BooksCompany : IDisposable
{
    private readonly string _folder;

    public BooksCompany(string name = "Acme Ltd")
    {
        _folder = Directory.CreateTempSubdirectory("books-sync-").FullName;
        Path = System.IO.Path.Combine(_folder, "acme.books");
        using var created = CompanyFile.Create(Path, new NewCompany(name, FiscalYearStart: new DateOnly(2026, 1, 1))).Value;
    }

    public string Path { get; }

    public BooksRun Books(params string[] args) => WithPassword(null, args);

    /// <summary>Runs `books --file FILE ARGS`; the password goes through BOOKS_BILLING_PASSWORD when given.</summary>
    public BooksRun WithPassword(string? password, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["BOOKS_SYNC_RETRY_DELAY_MS"] = "20", ["BOOKS_SYNC_ATTEMPT_TIMEOUT_MS"] = "1000" };
        if (password is not null) environment["BOOKS_BILLING_PASSWORD"] = password;
        var exit = BooksApp.Run(["--file", Path, .. args], stdout, stderr, environment, TimeProvider.System);
        return new BooksRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>`books sync` with every setup flag, against <paramref name="account"/>.</summary>
    public BooksRun Sync(Uri server, BillingAccount account, params string[] more) =>
        WithPassword(account.Password, ["sync", "--server", server.ToString(), "--email", account.Email, "--track-payments", "1060", "--format", "json", .. more]);

    public T Read<T>(Func<BooksRead, T> read)
    {
        using var company = CompanyFile.Open(Path).Value;
        return company.Read(read);
    }

    public Result<T> Write<T>(Func<BooksWrite, Result<T>> write)
    {
        using var company = CompanyFile.Open(Path).Value;
        return company.Write(write);
    }

    /// <summary>Changes the company file with SQL, past the engine and the sync (what a bug, a hand edit or an older Books would leave).</summary>
    public void Tamper(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test SQL, no user input
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes the file what a Books from before migration 0102 left: each imported version's feed item inside
    /// sync_source (payload), no sync_payload table, nor the triggers of 0103 and 0104.
    /// </summary>
    public void ToSchemaBefore0102() => Tamper("""
        DROP TRIGGER sync_conflict_customer_changed;
        DROP TRIGGER sync_conflict_invoice_owes_more;
        DROP TRIGGER sync_conflict_invoice_number_freed;
        ALTER TABLE sync_source ADD COLUMN payload TEXT NOT NULL DEFAULT '';
        UPDATE sync_source SET payload = (SELECT p.payload FROM sync_payload p WHERE p.id = sync_source.payload_id);
        ALTER TABLE sync_source DROP COLUMN payload_id;
        DROP TABLE sync_payload;
        DELETE FROM schema_migration WHERE number >= 102; PRAGMA user_version = 101;
        """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by the crash test may still hold the file for a moment; the OS cleans temp.
        }
    }
}

public sealed record BooksRun(int ExitCode, string Stdout, string Stderr)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SyncReport Report => JsonSerializer.Deserialize<SyncReport>(Stdout, Json) ?? throw new InvalidOperationException("no report: " + this);

    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n[stderr]\n{Stderr}";
}
