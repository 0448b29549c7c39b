using BillingBooks.Billing.Storage;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Billing.Tests.Storage;

/// <summary>
/// SQLite's writer commits the writes queued behind each other in one transaction (group commit). Each test lines
/// writes up deterministically: the first holds the writer while the others begin (and so wait for it).
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO login_failures (email_key, failures, locked_until) VALUES (@key, 1, 0)";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("billing-writer-");
    private Database _db = null!;

    public Task InitializeAsync()
    {
        _db = Database.Sqlite(Path.Combine(_folder.FullName, "billing.db"));
        _db.Migrate();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Writes_queued_behind_each_other_are_answered_after_one_commit_that_keeps_all_but_the_undone_one()
    {
        var a = await _db.BeginAsync();
        var waiting = new[] { _db.BeginAsync(), _db.BeginAsync(), _db.BeginAsync() };
        await a.ExecuteAsync(Insert, new { key = "a" });
        var aCommitted = a.CommitAsync();

        await using (var b = await waiting[0])
        {
            await b.ExecuteAsync(Insert, new { key = "b" });
            // Disposed without commit: its savepoint is undone, the group goes on.
        }

        var c = await waiting[1];
        await c.ExecuteAsync(Insert, new { key = "c" });
        var cCommitted = c.CommitAsync();

        var d = await waiting[2];
        await d.ExecuteAsync(Insert, new { key = "d" });

        // Nothing of the group is answered, nor visible to readers, before its COMMIT.
        Assert.False(aCommitted.IsCompleted);
        Assert.False(cCommitted.IsCompleted);
        Assert.Empty(await KeysAsync());

        await d.CommitAsync();
        await aCommitted;
        await cCommitted;
        Assert.Equal(["a", "c", "d"], await KeysAsync());
        foreach (var session in new[] { a, c, d })
        {
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_first_write_of_a_group_undone_leaves_the_writes_behind_it_to_commit()
    {
        var a = await _db.BeginAsync();
        var next = _db.BeginAsync();
        await a.ExecuteAsync(Insert, new { key = "a" });
        await a.DisposeAsync();

        await using (var b = await next)
        {
            await b.ExecuteAsync(Insert, new { key = "b" });
            await b.CommitAsync();
        }

        Assert.Equal(["b"], await KeysAsync());
    }

    [Fact]
    public async Task A_group_whose_commit_fails_fails_every_write_in_it_keeps_none_and_the_writer_works_on()
    {
        await using (var schema = await _db.BeginAsync())
        {
            await schema.ExecuteAsync("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            await schema.ExecuteAsync("CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
            await schema.CommitAsync();
        }

        var a = await _db.BeginAsync();
        var next = _db.BeginAsync();
        await a.ExecuteAsync(Insert, new { key = "a" });
        var aCommitted = a.CommitAsync();

        // A deferred foreign key is checked only by the COMMIT, which the second write's end makes.
        var b = await next;
        await b.ExecuteAsync("INSERT INTO child (id, parent) VALUES (1, 99)");
        await Assert.ThrowsAsync<SqliteException>(() => b.CommitAsync());
        await Assert.ThrowsAsync<SqliteException>(() => aCommitted);
        await a.DisposeAsync();
        await b.DisposeAsync();
        Assert.Empty(await KeysAsync());

        await using (var after = await _db.BeginAsync())
        {
            await after.ExecuteAsync(Insert, new { key = "after" });
            await after.CommitAsync();
        }

        Assert.Equal(["after"], await KeysAsync());
    }

    [Fact]
    public async Task A_group_commits_once_it_holds_the_most_writes_even_while_more_wait()
    {
        var first = await _db.BeginAsync();
        var waiting = Enumerable.Range(0, SqliteWriter.MaxGroup).Select(_ => _db.BeginAsync()).ToList();
        await first.ExecuteAsync(Insert, new { key = "w00" });
        var commits = new List<Task> { first.CommitAsync() };
        for (var i = 0; i < SqliteWriter.MaxGroup - 1; i++)
        {
            var write = await waiting[i];
            await write.ExecuteAsync(Insert, new { key = $"w{i + 1:00}" });
            commits.Add(write.CommitAsync());
        }

        // The last write waits still; the first MaxGroup are committed and answered.
        await Task.WhenAll(commits);
        Assert.Equal(SqliteWriter.MaxGroup, (await KeysAsync()).Count);

        await using var last = await waiting[^1];
        await last.ExecuteAsync(Insert, new { key = "last" });
        await last.CommitAsync();
        Assert.Equal(SqliteWriter.MaxGroup + 1, (await KeysAsync()).Count);
    }

    [Fact]
    public async Task A_write_that_has_ended_cannot_run_statements_in_the_transaction_it_shared()
    {
        await using var write = await _db.BeginAsync();
        await write.ExecuteAsync(Insert, new { key = "a" });
        await write.CommitAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => write.ExecuteAsync(Insert, new { key = "b" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => write.CommitAsync());
        Assert.Equal(["a"], await KeysAsync());
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var read = await _db.BeginSnapshotAsync();
        return (await read.QueryAsync<string>("SELECT email_key FROM login_failures ORDER BY email_key")).ToList();
    }
}
