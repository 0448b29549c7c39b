using System.Text.RegularExpressions;
using BillingBooks.Books.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>Whatever is passed as --file, Books refuses what is not its own and never changes it.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly BooksRunner _books = new();

    [Fact]
    public void Damaged_foreign_and_text_files_are_refused_with_a_clear_message_and_left_unchanged()
    {
        Walkthrough.SetUp(_books);
        var company = File.ReadAllBytes(_books.PathOf(Walkthrough.File));
        File.WriteAllBytes(_books.PathOf("truncated.books"), company[..(company.Length / 2)]);
        var overwritten = company.ToArray();
        "not a database at all"u8.CopyTo(overwritten);
        File.WriteAllBytes(_books.PathOf("overwritten.books"), overwritten);
        File.WriteAllText(_books.PathOf("notes.txt"), "Remember to invoice Maple Design.\n");
        File.WriteAllBytes(_books.PathOf("empty.books"), []);
        WriteForeignDatabase(_books.PathOf("other-program.db"));
        CopyAsFromANewerBooks(_books.PathOf(Walkthrough.File), _books.PathOf("from-the-future.books"));
        SqliteConnection.ClearAllPools();
        var before = _books.Fingerprint();
        _books.ClearTranscript();

        foreach (var file in new[] { "truncated.books", "overwritten.books", "notes.txt", "empty.books", "other-program.db", "from-the-future.books" })
        {
            _books.Refused("--file", _books.PathOf(file), "report", "trial-balance");
            _books.Refused("--file", _books.PathOf(file), "journal", "post", "--debit", "1060=1.00", "--credit", "3010=1.00");
        }

        Assert.Equal(before, _books.Fingerprint());
        // The newest schema version grows with every migration (Books' and Sync's); the message's shape is what is pinned.
        Golden.Verify("errors-bad-files", Regex.Replace(_books.Transcript(), "reads up to [0-9]+", "reads up to LATEST"));
    }

    [Fact]
    public void A_folder_given_as_the_company_file_is_refused_saying_it_is_a_folder()
    {
        var folder = _books.PathOf("dir.books");
        Directory.CreateDirectory(folder);

        var run = _books.Refused("--file", folder, "report", "trial-balance");

        Assert.Equal($"error: {folder} is a folder, not a company file. Give the path of the company file itself (e.g. --file {Path.Combine(folder, "acme.books")}).\n", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private static void WriteForeignDatabase(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('bread');";
        command.ExecuteNonQuery();
    }

    private static void CopyAsFromANewerBooks(string from, string to)
    {
        File.Copy(from, to);
        using var connection = new SqliteConnection($"Data Source={to};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version = 999";
        command.ExecuteNonQuery();
    }

    public void Dispose() => _books.Dispose();
}
