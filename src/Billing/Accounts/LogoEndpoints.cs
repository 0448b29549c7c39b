using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Accounts;

/// <summary>The profile's logo (SPEC 1.1): a PNG, JPEG or GIF of at most 1 MB, sent as the raw body.</summary>
public static class LogoEndpoints
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly (string ContentType, byte[] Magic)[] Formats =
    [
        ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/gif", [0x47, 0x49, 0x46, 0x38]),
    ];

    public static void MapLogo(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/profile/logo").WithTags("Profile");
        group.MapGet("", GetAsync).Produces(StatusCodes.Status200OK, contentType: "image/png");
        // No Accepts metadata: routing would answer 415 before the tenant check; the handler checks the type.
        group.MapPut("", PutAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 1)).Produces(StatusCodes.Status204NoContent);
        group.MapDelete("", DeleteAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> GetAsync(Tenant tenant, Database db, HttpContext http)
    {
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        var logo = await session.QuerySingleOrDefaultAsync<Logo>(
            "SELECT content_type AS ContentType, image AS Image FROM logos WHERE account_id = @account", new { account = tenant.Account.Value }).ConfigureAwait(false);
        return logo is null ? new NotFound("logo").ToResult() : Results.Bytes(logo.Image, logo.ContentType);
    }

    private static async Task<IResult> PutAsync(Tenant tenant, Database db, HttpRequest request)
    {
        var image = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(image, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new BodyTooLarge(MaxBytes).ToResult();
        }

        if (image.Length > MaxBytes)
        {
            return new BodyTooLarge(MaxBytes).ToResult();
        }

        var bytes = image.ToArray();
        var format = Formats.FirstOrDefault(f => bytes.AsSpan().StartsWith(f.Magic));
        if (format.ContentType is null || !string.Equals(request.ContentType, format.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return new InvalidInput(new Dictionary<string, string[]>
            {
                ["logo"] = ["send a PNG, JPEG or GIF image as the body, with its Content-Type (image/png, image/jpeg or image/gif)"],
            }).ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        await write.ExecuteAsync(
            "INSERT INTO logos (account_id, content_type, image) VALUES (@account, @type, @image) " +
            "ON CONFLICT (account_id) DO UPDATE SET content_type = excluded.content_type, image = excluded.image",
            new { account = tenant.Account.Value, type = format.ContentType, image = bytes }).ConfigureAwait(false);
        await write.CommitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> DeleteAsync(Tenant tenant, Database db, HttpContext http)
    {
        await using var write = await db.BeginAccountWriteAsync(tenant.Account, http.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        await write.ExecuteAsync("DELETE FROM logos WHERE account_id = @account", new { account = tenant.Account.Value }).ConfigureAwait(false);
        await write.CommitAsync(http.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    private sealed record Logo(string ContentType, byte[] Image);
}
