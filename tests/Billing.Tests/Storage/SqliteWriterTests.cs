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

        // Ended without commit: its savepoint is undone and the group goes on; it too is answered only after the COMMIT,
        // since what it read may be an earlier write's work (a's row here).
        var b = await waiting[0];
        await b.ExecuteAsync(Insert, new { key = "b" });
        Assert.Equal(2L, await b.QuerySingleAsync<long>("SELECT COUNT(*) FROM login_failures"));
        var bEnded = b.DisposeAsync().AsTask();

        var c = await waiting[1];
        await c.ExecuteAsync(Insert, new { key = "c" });
        var cCommitted = c.CommitAsync();

        var d = await waiting[2];
        await d.ExecuteAsync(Insert, new { key = "d" });

        // Nothing of the group is answered, nor visible to readers, before its COMMIT.
        Assert.False(aCommitted.IsCompleted);
        Assert.False(bEnded.IsCompleted);
        Assert.False(cCommitted.IsCompleted);
        Assert.Empty(await KeysAsync());

        await d.CommitAsync();
        await aCommitted;
        await bEnded;
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
    public async Task A_disk_full_write_that_makes_sqlite_roll_the_transaction_back_fails_its_whole_group_and_the_writer_works_on()
    {
        var a = await _db.BeginAsync();
        var next = _db.BeginAsync();
        await a.ExecuteAsync(Insert, new { key = "a" });
        var aCommitted = a.CommitAsync();

        // The file may not grow: the next write's big row fails with SQLITE_FULL, on which SQLite rolls back the whole
        // transaction, a's row included.
        var b = await next;
        var pages = await b.QuerySingleAsync<long>("PRAGMA page_count");
        await b.ExecuteAsync($"PRAGMA max_page_count = {pages}");
        var full = await Assert.ThrowsAsync<SqliteException>(() => b.ExecuteAsync(Insert, new { key = new string('x', 200_000) }));
        Assert.Equal(SQLitePCL.raw.SQLITE_FULL, full.SqliteErrorCode);
        await Assert.ThrowsAsync<SqliteException>(async () => await b.DisposeAsync());
        await Assert.ThrowsAsync<SqliteException>(() => aCommitted);
        Assert.Empty(await KeysAsync());

        await using (var after = await _db.BeginAsync())
        {
            await after.ExecuteAsync("PRAGMA max_page_count = 1073741823");
            await after.ExecuteAsync(Insert, new { key = "after" });
            await after.CommitAsync();
        }

        Assert.Equal(["after"], await KeysAsync());
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_the_writer_gives_up_and_the_group_before_it_commits()
    {
        var a = await _db.BeginAsync();
        using var cancel = new CancellationTokenSource();
        var gaveUp = _db.BeginAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        await a.ExecuteAsync(Insert, new { key = "a" });
        await a.CommitAsync();
        await a.DisposeAsync();
        Assert.Equal(["a"], await KeysAsync());
    }

    [Fact]
    public async Task A_write_cancelled_once_the_writer_was_handed_to_it_still_ends_the_group()
    {
        var a = await _db.BeginAsync();
        using var cancel = new CancellationTokenSource();
        var next = _db.BeginAsync(cancel.Token);
        await a.ExecuteAsync(Insert, new { key = "a" });
        var aCommitted = a.CommitAsync();

        // a handed the slot on (the next write was waiting): the next write has it, and its end commits the group.
        await cancel.CancelAsync();
        var late = await next;
        await late.DisposeAsync();
        await aCommitted;
        Assert.Equal(["a"], await KeysAsync());
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
    public async Task Under_many_concurrent_writes_exactly_the_committed_ones_are_kept_whatever_the_others_do()
    {
        // Each write commits, is undone, fails on a duplicate key after writing, or gives up waiting; groups form as
        // the writes interleave on the thread pool.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            // Gives up before, while or after waiting, as timing has it (it is undone if it gets the writer).
            using var cancel = new CancellationTokenSource();
            if (i % 7 == 6)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(i % 3));
            }

            Session write;
            try
            {
                write = await _db.BeginAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return (Key: $"k{i:000}", Kept: false);
            }

            await using (write)
            {
                await write.ExecuteAsync(Insert, new { key = $"k{i:000}" });
                switch (i % 7)
                {
                    case 0 or 1 or 2 or 3:
                        await write.CommitAsync();
                        return (Key: $"k{i:000}", Kept: true);
                    case 4:
                        await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteAsync(Insert, new { key = $"k{i:000}" }));
                        return (Key: $"k{i:000}", Kept: false);
                    default:
                        return (Key: $"k{i:000}", Kept: false);
                }
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60)); // a deadlock fails the test instead of hanging the run

        Assert.Equal(outcomes.Where(o => o.Kept).Select(o => o.Key).Order(StringComparer.Ordinal), await KeysAsync());
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
