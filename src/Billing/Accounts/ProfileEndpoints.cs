using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Accounts;

public static class ProfileEndpoints
{
    public static void MapProfile(this RouteGroupBuilder books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var group = books.MapGroup("/profile").WithTags("Profile");
        group.MapGet("", GetAsync).Produces<ProfileDocument>();
        group.MapPut("", PutAsync).Accepts<ProfileDocument>("application/json").Produces<ProfileDocument>();
        group.MapPost("/taxes/preset", PresetAsync).Accepts<TaxPresetRequest>("application/json").Produces<ProfileDocument>();
    }

    private static async Task<IResult> GetAsync(Tenant tenant, Database db, HttpContext http)
    {
        await using var session = await db.BeginSnapshotAsync(http.RequestAborted).ConfigureAwait(false);
        return Results.Json(await Profiles.ReadAsync(session, tenant.Account).ConfigureAwait(false), Json.Options);
    }

    private static async Task<IResult> PutAsync(Tenant tenant, Database db, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<ProfileDocument>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var profile = Profiles.Validate(body.Value!);
        if (profile.Error is not null)
        {
            return profile.Error.ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        await Profiles.WriteAsync(write, profile.Value!).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(profile.Value, Json.Options);
    }

    private static async Task<IResult> PresetAsync(Tenant tenant, Database db, HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<TaxPresetRequest>(request).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error.ToResult();
        }

        var taxes = TaxPresets.For(body.Value!.Province);
        if (taxes is null)
        {
            var errors = new FieldErrors();
            errors.Add("province", $"'{body.Value.Province}' is not a Canadian province or territory code; use one of {string.Join(", ", TaxPresets.Provinces)}");
            return errors.ToError().ToResult();
        }

        await using var write = await db.BeginAccountWriteAsync(tenant.Account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (write is null)
        {
            return new NotFound("account").ToResult();
        }

        var profile = await Profiles.ReadAsync(write, tenant.Account).ConfigureAwait(false) with { Taxes = taxes };
        await Profiles.WriteAsync(write, profile).ConfigureAwait(false);
        await write.CommitAsync().ConfigureAwait(false);
        return Results.Json(profile, Json.Options);
    }
}
