using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Pdf;

/// <summary>The profile's logo: at most 1 MB, and PNG or JPEG as its first bytes say (not as its name claims).</summary>
public static class Logos
{
    public const int MaxBytes = 1024 * 1024;

    public sealed record Logo(string ContentType, byte[] Data);

    private sealed record Row(string ContentType, string Data);

    /// <summary>The content type of <paramref name="data"/>, or why it is refused.</summary>
    public static (string? ContentType, string? Error) Check(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            return (null, "choose a PNG or JPEG file");
        }

        if (data.Length > MaxBytes)
        {
            return (null, $"the logo is {data.Length / 1024} KB; it must be at most 1 MB (1024 KB)");
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (data.AsSpan().StartsWith(png))
        {
            return ("image/png", null);
        }

        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ("image/jpeg", null);
        }

        return (null, "the file is not a PNG or JPEG image; save the logo as .png or .jpg and upload it again");
    }

    public static async Task<Logo?> ReadAsync(Session session, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.QuerySingleOrDefaultAsync<Row>(
            "SELECT content_type AS ContentType, data AS Data FROM account_logos WHERE account_id = @account", new { account = account.Value }).ConfigureAwait(false);
        return row is null ? null : new Logo(row.ContentType, Convert.FromBase64String(row.Data));
    }

    public static async Task WriteAsync(Session session, AccountId account, string contentType, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.ExecuteAsync("DELETE FROM account_logos WHERE account_id = @account", new { account = account.Value }).ConfigureAwait(false);
        await session.ExecuteAsync(
            "INSERT INTO account_logos (account_id, content_type, data) VALUES (@account, @contentType, @data)",
            new { account = account.Value, contentType, data = Convert.ToBase64String(data) }).ConfigureAwait(false);
    }
}
