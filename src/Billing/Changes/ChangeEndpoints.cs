using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Dapper;

namespace BillingBooks.Billing.Changes;

/// <summary>Datasets, the change feed and the reconciliation summary (SPEC 1.8, 3.5).</summary>
public static class ChangeEndpoints
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static void MapChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets").WithTags("Sync").RequireAuthorization();
        group.MapGet("", ListAsync).Produces<DatasetList>();
        group.MapGet("/{id}/changes", ChangesAsync).Produces<ChangePage>();
        group.MapGet("/{id}/summary", SummaryAsync).Produces<DatasetSummary>();
    }

    private static async Task<IResult> ListAsync(Caller caller, Database db, HttpContext http)
    {
        await using var connection = await db.OpenAsync(http.RequestAborted).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DatasetRow>(
            "SELECT a.id AS Id, a.email AS Email, a.profile AS Profile, 'own' AS Relation FROM accounts a WHERE a.id = @caller " +
            "UNION ALL SELECT a.id, a.email, a.profile, 'client' FROM invitations i JOIN accounts a ON a.id = i.account_id " +
            "WHERE i.bookkeeper_id = @caller AND i.status = 'active' ORDER BY 4 DESC, 1",
            new { caller = caller.Account.Value }).ConfigureAwait(false);
        var items = rows.Select(r => new Dataset(
            r.Id.ToString(CultureInfo.InvariantCulture),
            r.Email,
            JsonSerializer.Deserialize<ProfileDocument>(r.Profile, Json.Options)?.CompanyName,
            r.Relation)).ToArray();
        return Results.Json(new DatasetList(items), Json.Options);
    }

    /// <summary>The dataset the caller may read, or the error: 403 for anything but own or a client under contract.</summary>
    public static async Task<Result<AccountId>> AuthorizeAsync(Caller caller, string id, Database db)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (WireId.TryParse(id, out var value))
        {
            var dataset = new AccountId(value);
            if (dataset == caller.Account || await BookkeeperAccess.IsActiveAsync(db, dataset, caller.Account).ConfigureAwait(false))
            {
                return dataset;
            }
        }

        return new Forbidden($"Dataset '{id}' is not yours and you have no active bookkeeper contract for it; GET /api/v1/datasets lists those you can read.");
    }

    private static async Task ChangesAsync(Caller caller, string id, string? after, int? limit, Database db, HttpContext http)
    {
        var dataset = await AuthorizeAsync(caller, id, db).ConfigureAwait(false);
        if (dataset.Error is not null)
        {
            await Problems.WriteAsync(http, dataset.Error).ConfigureAwait(false);
            return;
        }

        var errors = new FieldErrors();
        if (!Feed.TryParseCursor(after, out var afterSeq))
        {
            errors.Add("after", $"'{after}' is not a cursor; pass the 'next' of the previous page, or nothing to start");
        }

        if (limit is < 1)
        {
            errors.Add("limit", "limit is at least 1");
        }

        if (!errors.IsEmpty)
        {
            await Problems.WriteAsync(http, errors.ToError()).ConfigureAwait(false);
            return;
        }

        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        await using var connection = await db.OpenAsync(http.RequestAborted).ConfigureAwait(false);
        // One more than asked tells whether there is more without a second query.
        var rows = (await connection.QueryAsync<FeedRow>(
            "SELECT seq AS Seq, kind AS Kind, record_id AS RecordId, version AS Version, deleted AS Deleted, doc AS Doc " +
            "FROM feed WHERE account_id = @account AND seq > @after ORDER BY seq LIMIT @take",
            new { account = dataset.Value.Value, after = afterSeq, take = take + 1 }).ConfigureAwait(false)).AsList();
        var hasMore = rows.Count > take;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var next = rows.Count > 0 ? rows[^1].Seq : afterSeq;
        http.Response.ContentType = "application/json; charset=utf-8";
        await ChangePageWriter.WriteAsync(http.Response.BodyWriter, rows, Feed.Cursor(next), hasMore, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>At most this many customers named in one summary request (the caller asks for all beyond that).</summary>
    public const int MaxSummaryCustomers = 1000;

    private static async Task<IResult> SummaryAsync(Caller caller, string id, string? changedAfter, string? customers, Database db, HttpContext http)
    {
        var dataset = await AuthorizeAsync(caller, id, db).ConfigureAwait(false);
        if (dataset.Error is not null)
        {
            return dataset.Error.ToResult();
        }

        var errors = new FieldErrors();
        if (!Feed.TryParseCursor(changedAfter, out var afterSeq))
        {
            errors.Add("changedAfter", $"'{changedAfter}' is not a cursor; pass a 'next' or 'through' the feed gave, or nothing for every customer");
        }

        var named = (customers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (named.Length > MaxSummaryCustomers)
        {
            errors.Add("customers", $"at most {MaxSummaryCustomers} customer ids; ask for every customer (no customers, no changedAfter) instead");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var filter = new Summaries.CustomerFilter(string.IsNullOrEmpty(changedAfter) ? null : afterSeq, named);
        await EnsureTotalsAsync(dataset.Value, db, http.RequestAborted).ConfigureAwait(false);
        await using var snapshot = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        return Results.Json(await Summaries.ReadAsync(snapshot, dataset.Value, filter).ConfigureAwait(false), Json.Options);
    }

    /// <summary>An account's running totals are built from its feed on first use (an upgraded or a seeded account).</summary>
    private static async Task EnsureTotalsAsync(AccountId account, Database db, CancellationToken cancel)
    {
        await using (var snapshot = await db.BeginSnapshotAsync(cancel).ConfigureAwait(false))
        {
            if (await SummaryTotals.IsBuiltAsync(snapshot, account).ConfigureAwait(false))
            {
                return;
            }
        }

        await using var write = await db.BeginAccountWriteAsync(account, cancel).ConfigureAwait(false);
        if (write is null || await SummaryTotals.IsBuiltAsync(write, account).ConfigureAwait(false))
        {
            return;
        }

        await SummaryTotals.BuildAsync(write).ConfigureAwait(false);
        await write.CommitAsync(cancel).ConfigureAwait(false);
    }

    private sealed record DatasetRow(long Id, string Email, string Profile, string Relation);
}
