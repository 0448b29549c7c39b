using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Pdf;

/// <summary>The profile's logo as the PDF and the customer's page show it (uploaded through PUT /api/v1/profile/logo).</summary>
public static class Logos
{
    public sealed record Logo(string ContentType, byte[] Image);

    public static Task<Logo?> ReadAsync(Session session, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.QuerySingleOrDefaultAsync<Logo>(
            "SELECT content_type AS ContentType, image AS Image FROM logos WHERE account_id = @account", new { account = account.Value });
    }
}
