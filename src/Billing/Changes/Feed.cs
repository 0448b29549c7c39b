using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Changes;

/// <summary>
/// The change feed (SPEC 1.8): one row per record holding its latest document, moved to a fresh sequence on
/// every change in the same transaction as the change. The sequence comes from the account row the write
/// holds locked (<see cref="AccountWrite"/>), so sequence order is commit order and a reader never skips.
/// </summary>
public static class Feed
{
    private const string Upsert =
        "INSERT INTO feed (account_id, kind, record_id, seq, version, deleted, doc) VALUES (@account, @kind, @record, @seq, 1, @deleted, @doc) " +
        "ON CONFLICT (account_id, kind, record_id) DO UPDATE SET seq = excluded.seq, version = feed.version + 1, deleted = excluded.deleted, doc = excluded.doc " +
        "RETURNING version";

    public static async Task<long> WriteAsync<T>(AccountWrite write, string kind, long recordId, bool deleted, T document)
    {
        ArgumentNullException.ThrowIfNull(write);
        var seq = write.NextSeq();
        if (document is InvoiceDocument invoice)
        {
            // The reconciliation totals move with the document, in the same transaction (SPEC 3.5).
            await SummaryTotals.ApplyAsync(write, recordId, seq, deleted, invoice).ConfigureAwait(false);
        }

        return await write.QuerySingleAsync<long>(Upsert, new
        {
            account = write.Account.Value,
            kind,
            record = recordId,
            seq,
            deleted = deleted ? 1L : 0L,
            doc = JsonSerializer.Serialize(document, Json.Options),
        }).ConfigureAwait(false);
    }

    public static string Cursor(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseCursor(string? text, out long seq)
    {
        seq = 0;
        return string.IsNullOrEmpty(text) || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seq) && seq >= 0);
    }
}
