using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Email;

/// <summary>
/// The secret link of an emailed invoice: 256 random bits, of which only the SHA-256 is stored, so neither a
/// guess nor a copy of the database opens an invoice. A link shows only a live invoice (not void, not deleted).
/// </summary>
public static class InvoiceLinks
{
    public sealed record Target(long AccountId, long InvoiceId);

    public static async Task<string> CreateAsync(Session session, AccountId account, long invoiceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var token = TokenHash.NewToken();
        await session.ExecuteAsync(
            "INSERT INTO invoice_links (token_hash, account_id, invoice_id, created_at) VALUES (@hash, @account, @invoice, @now)",
            new { hash = TokenHash.Of(token), account = account.Value, invoice = invoiceId, now = now.ToString("O", CultureInfo.InvariantCulture) }).ConfigureAwait(false);
        return token;
    }

    public static async Task<Target?> FindAsync(Session session, string token)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        return await session.QuerySingleOrDefaultAsync<Target>(
            "SELECT account_id AS AccountId, invoice_id AS InvoiceId FROM invoice_links WHERE token_hash = @hash",
            new { hash = TokenHash.Of(token) }).ConfigureAwait(false);
    }
}
