using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using Dapper;

namespace BillingBooks.Billing.Accounts;

/// <summary>Marks the endpoints that work on one tenant's books (see <see cref="TenantResolution"/>).</summary>
public sealed class TenantScoped;

/// <summary>
/// Resolves the tenant of every request to the books' endpoints before they run, failing closed: no signed-in
/// caller is 401, a client's books without an active bookkeeper contract are 403 (checked on every request, so
/// ending a contract ends access at once), and a bookkeeper cannot write (403).
/// </summary>
public static class TenantResolution
{
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (http.GetEndpoint()?.Metadata.GetMetadata<TenantScoped>() is null)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var resolved = await ResolveAsync(http).ConfigureAwait(false);
        if (resolved.Error is not null)
        {
            await Problems.WriteAsync(http, resolved.Error).ConfigureAwait(false);
            return;
        }

        http.Items[typeof(Tenant)] = resolved.Value;
        await next(http).ConfigureAwait(false);
    }

    private static async Task<Result<Tenant>> ResolveAsync(HttpContext http)
    {
        var caller = Caller.From(http.User);
        if (caller is null)
        {
            return new Unauthenticated("Send Authorization: Bearer TOKEN (get one with POST /api/v1/tokens).");
        }

        var header = http.Request.Headers[Tenant.DatasetHeader].ToString();
        if (string.IsNullOrEmpty(header) || header == caller.Account.ToString())
        {
            return new Tenant(caller.Account, caller.Account, ReadOnly: false);
        }

        var db = http.RequestServices.GetRequiredService<Database>();
        if (!WireId.TryParse(header, out var client) || !await BookkeeperAccess.IsActiveAsync(db, new AccountId(client), caller.Account).ConfigureAwait(false))
        {
            return new Forbidden($"You have no active bookkeeper contract for dataset '{header}'; ask the client to invite you (GET /api/v1/datasets lists yours).");
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return new Forbidden("Bookkeepers have read-only access to their clients' books.");
        }

        return new Tenant(new AccountId(client), caller.Account, ReadOnly: true);
    }
}

/// <summary>Bookkeeper contracts as the access checks see them.</summary>
public static class BookkeeperAccess
{
    public static async Task<bool> IsActiveAsync(Database db, AccountId client, AccountId bookkeeper)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenAsync().ConfigureAwait(false);
        var found = await connection.ExecuteScalarAsync<long?>(
            "SELECT 1 FROM invitations WHERE account_id = @client AND bookkeeper_id = @bookkeeper AND status = 'active' LIMIT 1",
            new { client = client.Value, bookkeeper = bookkeeper.Value }).ConfigureAwait(false);
        return found is not null;
    }
}
