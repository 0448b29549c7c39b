using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Books.Tests.Storage;

public sealed class CompanyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("books-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void New_company_has_the_default_chart_and_calendar_fiscal_year()
    {
        using var company = new TestCompany();
        var settings = company.Read(r => r.Settings.Get());
        Assert.Equal("Maple Design Inc.", settings.Name);
        Assert.Equal("CAD", settings.HomeCurrency.Code);
        Assert.Equal(new DateOnly(2026, 1, 1), settings.FiscalYearStart);
        Assert.Equal(new DateOnly(2026, 12, 31), settings.FiscalYearEnd);
        var accounts = company.Read(r => r.Accounts.List());
        Assert.Contains(accounts, a => a.Number.Value == 1060 && a.Name == "Chequing Bank Account");
        Assert.Contains(accounts, a => a.Number.Value == 1200 && a.Name == "Accounts Receivable");
        Assert.Contains(accounts, a => a.Number.Value == 2310 && a.Name == "GST/HST Charged on Sales");
        Assert.Contains(accounts, a => a.Number.Value == 2340 && a.Name == "PST Payable");
        Assert.Contains(accounts, a => a.Number.Value == 4020 && a.Name == "General Revenue");
        Assert.Equal(CompanyFile.CurrentSchemaVersion, company.Read(r => r.Scalar<long>("PRAGMA user_version")));
        Assert.Equal(CompanyFile.ApplicationId, company.Read(r => r.Scalar<long>("PRAGMA application_id")));
        Assert.Equal("wal", company.Read(r => r.Scalar<string>("PRAGMA journal_mode")));
        Assert.Equal(1, company.Read(r => r.Scalar<long>("PRAGMA foreign_keys")));
    }

    [Fact]
    public void A_redoable_write_commits_and_leaves_later_commits_forced_to_disk()
    {
        using var company = new TestCompany();
        Assert.Equal(2, company.Read(r => r.Scalar<long>("PRAGMA synchronous"))); // FULL
        var id = company.File.WriteRedoable(w => w.General.Post(new(new DateOnly(2026, 2, 1), "Owner invests",
            [GeneralLine.Debit(new(1060), Money.Money.Of(10m, Money.Currency.CAD)), GeneralLine.Credit(new(3010), Money.Money.Of(10m, Money.Currency.CAD))]))).Value;
        Assert.True(company.Read(r => r.Entries.Get(id).IsOk));
        Assert.Equal(2, company.Read(r => r.Scalar<long>("PRAGMA synchronous")));
    }

    [Fact]
    public void SQLite_is_not_reinitialized_once_a_company_file_is_open()
    {
        using var company = new TestCompany();

        Assert.False(SqliteProcess.TurnOffMemoryStatistics());
        Assert.True(company.Write(w => w.Customers.Add(new("Still works"))).IsOk);
    }

    [Fact]
    public void Writes_keep_savepoint_journals_in_memory_and_reads_the_default_temp_store()
    {
        using var company = new TestCompany();
        Assert.Equal(2L, company.File.Write(w => Result<long>.Ok(w.Scalar<long>("PRAGMA temp_store"))).Value); // MEMORY
        Assert.Equal(0L, company.Read(r => r.Scalar<long>("PRAGMA temp_store"))); // DEFAULT: big report sorts may spill to disk
        Assert.False(company.File.Write<long>(_ => new InvalidInput("test", "refused")).IsOk);
        Assert.Equal(0L, company.Read(r => r.Scalar<long>("PRAGMA temp_store")));
        Assert.Throws<InvalidOperationException>(() => company.File.Write<long>(_ => throw new InvalidOperationException("a bug")));
        Assert.Equal(0L, company.Read(r => r.Scalar<long>("PRAGMA temp_store")));
    }

    [Fact]
    public void Company_survives_closing_and_opening()
    {
        using var company = new TestCompany();
        company.AddCustomer("Acme Ltd.");
        company.Reopen();
        Assert.True(company.Read(r => r.Customers.FindByName("ACME LTD.")).IsOk);
        Assert.Null(company.File.UpgradeBackupPath);
    }

    [Fact]
    public void Creating_over_an_existing_file_is_refused()
    {
        var path = Write("exists.books", "keep me");
        var result = CompanyFile.Create(path, new NewCompany("X"));
        Assert.IsType<CompanyFileExists>(result.Error);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void Creating_without_a_name_is_refused_and_makes_no_file()
    {
        var path = Path.Combine(_directory, "nameless.books");
        Assert.IsType<InvalidInput>(CompanyFile.Create(path, new NewCompany(" ")).Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Creating_in_a_missing_folder_is_refused()
    {
        var result = CompanyFile.Create(Path.Combine(_directory, "no-such-folder", "x.books"), new NewCompany("X"));
        Assert.Contains("does not exist; create it first", Assert.IsType<InvalidInput>(result.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_file_says_so()
    {
        var result = CompanyFile.Open(Path.Combine(_directory, "nope.books"));
        Assert.IsType<CompanyFileNotFound>(result.Error);
    }

    [Fact]
    public void Opening_a_text_file_is_refused_and_leaves_it_unchanged()
    {
        var path = Write("notes.books", "Dear diary, today I did the books.\n" + new string('x', 200));
        AssertRefusedUnchanged<NotACompanyFile>(path, "not a SQLite database");
    }

    [Fact]
    public void Opening_an_empty_file_is_refused_and_leaves_it_unchanged()
    {
        var path = Write("empty.books", "");
        AssertRefusedUnchanged<NotACompanyFile>(path, "empty");
    }

    [Fact]
    public void Opening_another_programs_sqlite_file_is_refused_and_leaves_it_unchanged()
    {
        var path = Path.Combine(_directory, "other.db");
        using (var other = CompanyFile.Connect(path, SqliteOpenMode.ReadWriteCreate))
        {
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');";
            command.ExecuteNonQuery();
        }

        AssertRefusedUnchanged<NotACompanyFile>(path, "another program");
    }

    [Fact]
    public void Opening_a_damaged_file_is_refused_and_leaves_it_unchanged()
    {
        var path = Path.Combine(_directory, "damaged.books");
        var bytes = new byte[8192];
        System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0").CopyTo(bytes, 0);
        new Random(7).NextBytes(bytes.AsSpan(16));
        File.WriteAllBytes(path, bytes);
        AssertRefusedUnchanged<NotACompanyFile>(path, "");
    }

    [Fact]
    public void Opening_a_file_from_a_newer_version_is_refused_and_leaves_it_unchanged()
    {
        var path = Path.Combine(_directory, "newer.books");
        CompanyFile.Create(path, new NewCompany("Future Inc.")).Value.Dispose();
        using (var raw = CompanyFile.Connect(path, SqliteOpenMode.ReadWrite))
        {
            raw.Execute("PRAGMA user_version = " + (CompanyFile.CurrentSchemaVersion + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var error = AssertRefusedUnchanged<NewerCompanyFile>(path, "newer version of Books");
        Assert.Equal(CompanyFile.CurrentSchemaVersion + 1, error.FileVersion);
    }

    [Fact]
    public void Opening_an_older_file_upgrades_it_in_place_after_a_backup()
    {
        var path = Path.Combine(_directory, "older.books");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        // Versions are migration numbers and need not be contiguous (Books.Sync's start at 0100): ask for
        // "everything before the last script" and read back which version that made.
        CompanyFile.Create(path, new NewCompany("Old Co."), clock, CompanyFile.CurrentSchemaVersion - 1).Value.Dispose();
        long older;
        using (var raw = CompanyFile.Connect(path, SqliteOpenMode.ReadOnly))
        {
            older = raw.ExecuteScalar<long>("PRAGMA user_version");
        }

        Assert.True(older < CompanyFile.CurrentSchemaVersion, $"the made file is at version {older}, not older than {CompanyFile.CurrentSchemaVersion}");

        using var company = CompanyFile.Open(path, clock).Value;

        var backup = path + ".bak-v" + older;
        Assert.Equal(backup, company.UpgradeBackupPath);
        Assert.Equal(CompanyFile.CurrentSchemaVersion, company.Read(r => r.Scalar<long>("PRAGMA user_version")));
        Assert.Equal("Old Co.", company.Read(r => r.Settings.Get().Name));
        using (var copy = CompanyFile.Connect(backup, SqliteOpenMode.ReadOnly))
        {
            using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            Assert.Equal((long)older, (long)command.ExecuteScalar()!);
        }

        // The upgraded file takes postings at once.
        var posted = company.Write(w => w.Customers.Add(new("Acme")).Then(c => w.Sales.Post(new(c.Id, "1", new DateOnly(2026, 2, 1), [new("Work", TestCompany.Cad(10m))]))));
        Assert.True(posted.IsOk);
    }

    [Fact]
    public void Migrations_are_numbered_in_order_and_all_embedded()
    {
        var numbers = Migrations.Scripts.Select(m => m.Number).ToArray();
        Assert.Equal(numbers.Order().ToArray(), numbers);
        Assert.Equal([1, 2], numbers.Where(n => n < 100).Take(2));
        Assert.Equal(numbers[^1], CompanyFile.CurrentSchemaVersion);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static TError AssertRefusedUnchanged<TError>(string path, string messagePart)
        where TError : BooksError
    {
        var before = File.ReadAllBytes(path);
        var result = CompanyFile.Open(path);
        Assert.False(result.IsOk);
        var error = Assert.IsType<TError>(result.Error);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0);
        return error;
    }
}
