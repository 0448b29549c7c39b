using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Recurring;

public static class RecurringStore
{
    /// <summary>Stored in next_date when nothing more is due, so the generator's range scan skips it.</summary>
    private const string Never = "9999-12-31";

    public static async Task<RecurringState?> GetAsync(Session session, AccountId account, RecurringId id)
    {
        ArgumentNullException.ThrowIfNull(session);
        var doc = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT doc FROM recurring WHERE account_id = @account AND id = @id AND deleted = 0", new { account = account.Value, id = id.Value }).ConfigureAwait(false);
        return doc is null ? null : Parse(doc);
    }

    public static async Task<IReadOnlyList<RecurringState>> ListAsync(Session session, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(session);
        var docs = await session.QueryAsync<string>(
            "SELECT doc FROM recurring WHERE account_id = @account AND deleted = 0 ORDER BY id", new { account = account.Value }).ConfigureAwait(false);
        return docs.Select(Parse).ToArray();
    }

    /// <summary>(account, recurring) pairs with an occurrence on or before <paramref name="date"/>, any account.</summary>
    public static async Task<IReadOnlyList<(long Account, long Id)>> DueAsync(Session session, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.QueryAsync<(long, long)>(
            "SELECT account_id, id FROM recurring WHERE deleted = 0 AND stopped = 0 AND next_date <= @date ORDER BY account_id, id",
            new { date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ConfigureAwait(false);
        return rows.ToArray();
    }

    public static async Task<RecurringState> InsertAsync(AccountWrite write, RecurringState state)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(state);
        var id = await write.QuerySingleAsync<long>(
            "INSERT INTO recurring (account_id, next_date, stopped, deleted, doc) VALUES (@account, @next, 0, 0, '{}') RETURNING id",
            new { account = write.Account.Value, next = Never }).ConfigureAwait(false);
        var saved = state with { Id = id };
        await SaveAsync(write, saved).ConfigureAwait(false);
        return saved;
    }

    public static Task SaveAsync(AccountWrite write, RecurringState state, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(state);
        return write.ExecuteAsync(
            "UPDATE recurring SET next_date = @next, stopped = @stopped, deleted = @deleted, doc = @doc WHERE account_id = @account AND id = @id",
            new
            {
                account = write.Account.Value,
                id = state.Id,
                next = state.NextDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Never,
                stopped = state.NextDate is null ? 1L : 0L,
                deleted = deleted ? 1L : 0L,
                doc = JsonSerializer.Serialize(state, Json.Options),
            });
    }

    /// <summary>
    /// Ends every running schedule of <paramref name="customer"/> with <paramref name="because"/> (its customer deleted):
    /// stopped at once and saying why, rather than at its next date with the invoice's field errors.
    /// </summary>
    public static async Task EndForCustomerAsync(AccountWrite write, string customer, string because)
    {
        ArgumentNullException.ThrowIfNull(write);
        foreach (var state in await ListAsync(write, write.Account).ConfigureAwait(false))
        {
            if (state.Template.CustomerId == customer && state.StoppedBecause is null)
            {
                await SaveAsync(write, state with { StoppedBecause = because }).ConfigureAwait(false);
            }
        }
    }

    private static RecurringState Parse(string doc) => JsonSerializer.Deserialize<RecurringState>(doc, Json.Options)!;
}
