using System.Runtime.Versioning;
using BillingBooks.Books.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>
/// A company file that cannot be written (or sits in a folder that cannot be): reports and checks read it, a write is
/// refused with one line naming what is read-only, and nothing beside the file changes. These run the real program as
/// a user bound by permissions (see <see cref="AnotherUser"/>).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFileTests : IDisposable
{
    private const string TrialBalance = "Number,Name,Debit,Credit\r\n1060,Chequing Bank Account,100.00,0.00\r\n3010,Owner's Contributions,0.00,100.00\r\n,Total,100.00,100.00\r\n";
    private readonly BooksRunner _books = new();
    private readonly List<string> _folders = [];

    [PermissionsFact]
    public void A_read_only_file_is_read_by_reports_and_check_and_a_write_is_refused_saying_the_file_is_read_only()
    {
        var file = CompanyIn("open", UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, folderWritable: true);
        var before = File.ReadAllBytes(file);

        AssertReads(file);
        var post = AnotherUser.Run("--file", file, "journal", "post", "--date", "2026-01-03", "--debit", "1060=1.00", "--credit", "3010=1.00");

        Assert.Equal((1, ""), (post.ExitCode, post.Stdout));
        Assert.Equal(
            $"error: {file} is read-only, so Books cannot change it; nothing was changed. Make the file writable (e.g. `chmod u+w {file}`), or work on a copy in a folder you can write. Reports and `books check` still read it as it is.\n",
            post.Stderr);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [PermissionsFact]
    public void A_file_nobody_may_write_in_a_read_only_folder_is_read_by_reports_and_check_and_a_write_is_refused_saying_the_folder_is_read_only()
    {
        var readOnly = CompanyIn("locked-read-only", (UnixFileMode)0b100_100_100, folderWritable: false);

        foreach (var file in new[] { readOnly })
        {
            var before = File.ReadAllBytes(file);
            AssertReads(file);
            var post = AnotherUser.Run("--file", file, "journal", "post", "--date", "2026-01-03", "--debit", "1060=1.00", "--credit", "3010=1.00");

            var folder = Path.GetDirectoryName(file)!;
            Assert.Equal((1, ""), (post.ExitCode, post.Stdout));
            Assert.Equal(
                $"error: The folder {folder} is read-only, so Books cannot change {file} (it writes through a log beside the file: acme.books-wal and acme.books-shm); nothing was changed. Make the folder writable, or work on a copy in a folder you can write. Reports and `books check` still read it as it is.\n",
                post.Stderr);
            Assert.Equal(before, File.ReadAllBytes(file));
            Assert.Equal(["acme.books"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
    }

    [PermissionsFact]
    public void A_file_others_may_write_in_a_folder_read_only_for_us_is_refused_since_it_cannot_be_read_with_locks()
    {
        // Read without locks (immutable), a file its owner is changing meanwhile could show half of a change.
        var file = CompanyIn("locked-writable", (UnixFileMode)0b110_110_110, folderWritable: false);
        var folder = Path.GetDirectoryName(file)!;
        var before = File.ReadAllBytes(file);

        foreach (var args in new[] { new[] { "report", "trial-balance" }, ["check"], ["journal", "post", "--date", "2026-01-03", "--debit", "1060=1.00", "--credit", "3010=1.00"] })
        {
            var run = AnotherUser.Run(["--file", file, .. args]);
            Assert.Equal((1, ""), (run.ExitCode, run.Stdout));
            Assert.StartsWith($"error: The folder {folder} is read-only for you but {file} can still be written", run.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal(["acme.books"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [PermissionsFact]
    public void A_file_that_cannot_be_read_is_refused_with_one_line_not_a_crash()
    {
        var file = CompanyIn("unreadable", UnixFileMode.None, folderWritable: true);

        var report = AnotherUser.Run("--file", file, "report", "trial-balance");

        Assert.Equal((1, ""), (report.ExitCode, report.Stdout));
        Assert.Equal($"error: {file} cannot be read: you have no permission to read it. Ask its owner for read access (e.g. `chmod a+r {file}`), or open a copy you can read.\n", report.Stderr);
    }

    [PermissionsFact]
    public void A_file_in_a_read_only_folder_is_read_with_its_log_when_the_log_index_is_there_and_refused_without_it()
    {
        var withIndex = CompanyIn("locked-with-log", (UnixFileMode)0b110_110_110, folderWritable: true);
        var withoutIndex = CompanyIn("locked-log-only", (UnixFileMode)0b110_110_110, folderWritable: true);
        foreach (var file in new[] { withIndex, withoutIndex })
        {
            RenameInTheLogOnly(file, keepIndex: file == withIndex);
            File.SetUnixFileMode(Path.GetDirectoryName(file)!, (UnixFileMode)0b101_101_101);
        }

        var read = AnotherUser.Run("--file", withIndex, "settings", "show", "--format", "json");
        Assert.True(read.ExitCode == 0, read.Stderr);
        Assert.Contains("\"name\":\"Renamed Ltd\"", read.Stdout, StringComparison.Ordinal);

        var refused = AnotherUser.Run("--file", withoutIndex, "settings", "show");
        Assert.Equal((1, ""), (refused.ExitCode, refused.Stdout));
        Assert.Equal(
            $"error: The folder {Path.GetDirectoryName(withoutIndex)} is read-only and {withoutIndex} has changes still in its log ({withoutIndex}-wal) but no log index beside it, so Books cannot read it safely; nothing was changed. Make the folder writable and run Books once (e.g. `books check`) to fold the log into the file.\n",
            refused.Stderr);
    }

    /// <summary>
    /// Leaves a change only in the file's log (FILE-wal), as a Books that stopped mid-work would: the file is copied
    /// aside while a connection that never folds the log in holds it, and the copies take the original's place.
    /// </summary>
    private static void RenameInTheLogOnly(string file, bool keepIndex)
    {
        var aside = file + ".aside";
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint = 0; UPDATE company SET name = 'Renamed Ltd';";
            command.ExecuteNonQuery();
            File.Copy(file, aside);
            File.Copy(file + "-wal", aside + "-wal");
            if (keepIndex) File.Copy(file + "-shm", aside + "-shm");
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
            if (File.Exists(aside + suffix))
            {
                File.Move(aside + suffix, file + suffix);
                File.SetUnixFileMode(file + suffix, (UnixFileMode)0b110_110_110);
            }
        }

        Assert.True(new FileInfo(file + "-wal").Length > 0);
    }

    private static void AssertReads(string file)
    {
        var report = AnotherUser.Run("--file", file, "report", "trial-balance", "--as-of", "2026-01-31", "--format", "csv");
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Equal(TrialBalance, report.Stdout);
        var check = AnotherUser.Run("--file", file, "check");
        Assert.True(check.ExitCode == 0, check.Stderr);
    }

    /// <summary>A company with one entry, copied into its own folder with the given permissions.</summary>
    private string CompanyIn(string name, UnixFileMode fileMode, bool folderWritable)
    {
        var made = _books.PathOf(name + ".source.books");
        _books.Ok("new", made, "--name", "Acme Ltd", "--fiscal-start", "2026-01-01");
        _books.Ok("--file", made, "journal", "post", "--date", "2026-01-02", "--debit", "1060=100.00", "--credit", "3010=100.00");
        var folder = _books.PathOf(name);
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        var file = Path.Combine(folder, "acme.books");
        File.Copy(made, file);
        File.SetUnixFileMode(file, fileMode);
        // The runner's folder must let the other user in; the test folder is theirs to write or not.
        File.SetUnixFileMode(_books.Folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(folder, folderWritable ? (UnixFileMode)0b111_111_111 : (UnixFileMode)0b101_101_101);
        return file;
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            // Writable again so the runner can delete it when the tests do not run as root.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        _books.Dispose();
    }
}
