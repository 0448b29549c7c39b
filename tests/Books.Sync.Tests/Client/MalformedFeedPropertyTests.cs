using System.Globalization;
using System.Text.Json.Nodes;
using BillingBooks.Books.Sync.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace BillingBooks.Books.Sync.Tests.Client;

/// <summary>
/// Whatever field of whatever item of a real feed page arrives mangled - null, missing, another type, text that is no
/// amount, too many decimals, a huge or negative amount, an impossible date, an unknown currency - the sync never
/// crashes (exit 70): it imports (the value was readable: maybe a conflict, or a difference from Billing's summary,
/// exit 2) or stops with exit 1 before that page,
/// and either way the books pass every check; after a stop, the next sync of the page as Billing sent it ends as one
/// clean sync would. BOOKS_SYNC_MALFORMED_ITER sets the number of mangled pages (default 12: each drives real HTTP).
/// </summary>
public class MalformedFeedPropertyTests(FeedHistoryFixture history, ITestOutputHelper output) : IClassFixture<FeedHistoryFixture>
{
    private const int PageSize = 4;

    /// <summary>What a mangled field becomes; null takes it out.</summary>
    private static readonly string?[] Values =
    [
        "null", null, "\"abc\"", "\"\"", "\"1.001\"", "\"-5.00\"", "\"0\"", "\"99999999999999999999999999999\"", "\"12000000000.00\"", "\"1e3\"",
        "\" 12.00 \"", "5", "-1", "2147483648", "1.5", "true", "{}", "[]", "[null]", "\"2026-02-30\"", "\"0001-01-01\"", "\"9999-12-31\"",
        "\"ZZZ\"", "\"usd\"", "\"USD\"", "\"payment\"", "\"customer\"", "\"credit_card\"", "\"void\"", "\"1\"", "\"" + new string('x', 300) + "\"",
    ];

    /// <param name="Page">Which page of the feed (counted from 0, modulo the pages there are).</param>
    /// <param name="Item">Which item of it (modulo its items).</param>
    /// <param name="Field">Which field of the item (modulo its fields, nested ones and list elements included).</param>
    /// <param name="Value">Index into <see cref="Values"/>.</param>
    public sealed record Mangling(int Page, int Item, int Field, int Value);

    private static readonly Gen<Mangling> Manglings =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, PageSize - 1], Gen.Int[0, 10_000], Gen.Int[0, Values.Length - 1], (p, i, f, v) => new Mangling(p, i, f, v));

    [Fact]
    public async Task A_feed_page_with_any_field_mangled_is_imported_or_stops_the_sync_with_exit_1_never_crashing_nor_half_writing()
    {
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("BOOKS_SYNC_MALFORMED_ITER"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 12;
        var exits = new Dictionary<int, int>();
        await Manglings.SampleAsync(m => Task.Run(() =>
        {
            var exit = Check(m);
            exits[exit] = exits.GetValueOrDefault(exit) + 1;
        }), iter: iterations, threads: 1);
        output.WriteLine("exits: " + string.Join(", ", exits.OrderBy(e => e.Key).Select(e => $"{e.Key} x{e.Value}")));
    }

    private int Check(Mangling mangling)
    {
        using var proxy = new FaultProxy(history.Server, faultRate: 0, seed: 1, stall: TimeSpan.Zero) { Healthy = true };
        var page = new MangledPage(mangling);
        proxy.Rewrite = page.From;
        using var books = new BooksCompany();

        var run = books.Sync(proxy.Address, history.Account, "--page-size", PageSize.ToString(CultureInfo.InvariantCulture));

        var what = $"{page.Done}\n{run}";
        Assert.True(run.ExitCode is 0 or 1 or 2, what);
        Assert.Empty(books.Read(BooksInvariants.Problems));
        // A value Books could read: imported as it came, in conflict over it, or differing from Billing's summary (exit 2).
        if (run.ExitCode != 1) return run.ExitCode;

        Assert.True(page.Done is not null, "stopped though nothing was mangled: " + what);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: Billing's answer could not be read", run.Stderr, StringComparison.Ordinal);
        var cursor = books.Read(r => new Storage.SyncStore(r.Connection, r.Transaction).Settings().Cursor);
        Assert.True(cursor == page.After, $"the cursor is {cursor}, not before the mangled page ({page.After}): {what}");

        proxy.Rewrite = null;
        var next = books.Sync(proxy.Address, history.Account);
        Assert.True(next.ExitCode == 0 && next.Report.Reconciliation.Clean, next + "\n" + what);
        Assert.Empty(books.Read(BooksInvariants.Problems));
        Assert.Equal(history.OneSync, books.Read(Fingerprint.Of));
        return run.ExitCode;
    }

    /// <summary>Mangles one field of one item of one page, the same way each time that page is fetched.</summary>
    private sealed class MangledPage(Mangling mangling)
    {
        private readonly List<string> _pages = []; // the cursors pages were asked after, in order ("" for the first)

        /// <summary>The cursor the mangled page was asked after (null: the first page).</summary>
        public string? After { get; private set; }

        /// <summary>What was mangled, once it was.</summary>
        public string? Done { get; private set; }

        public byte[] From(string pathAndQuery, byte[] body)
        {
            if (!pathAndQuery.Contains("/changes", StringComparison.Ordinal)) return body;
            var after = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://billing/"), pathAndQuery).Query)["after"];
            lock (_pages)
            {
                if (!_pages.Contains(after ?? "")) _pages.Add(after ?? "");
                var page = JsonNode.Parse(body)!;
                var items = page["items"]!.AsArray();
                // The page numbered Page, or the last one when the feed has fewer; once chosen, that page each time it comes.
                var ordinal = _pages.IndexOf(after ?? "");
                var chosen = Done is not null ? after == After : ordinal == mangling.Page || (ordinal < mangling.Page && !page["hasMore"]!.GetValue<bool>());
                if (!chosen || items.Count == 0) return body;
                var item = items[mangling.Item % items.Count]!.AsObject();
                var fields = Fields(item, "").ToList();
                var field = fields[mangling.Field % fields.Count];
                var value = Values[mangling.Value];
                var before = $"{item["kind"]?.ToJsonString()} {item["id"]?.ToJsonString()}";
                MangledItem.Set(field, value)(item);
                After = after;
                Done = $"page after {after ?? "(start)"}: {before}: {field} = {value ?? "(removed)"}";
                return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
            }
        }

        /// <summary>Every field of the item as a path, containers and list elements included.</summary>
        private static IEnumerable<string> Fields(JsonNode node, string at)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        var path = at.Length == 0 ? name : $"{at}.{name}";
                        yield return path;
                        if (value is not null) foreach (var inner in Fields(value, path)) yield return inner;
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        var path = $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]";
                        yield return path;
                        if (a[i] is { } value) foreach (var inner in Fields(value, path)) yield return inner;
                    }
                    break;
            }
        }
    }
}
