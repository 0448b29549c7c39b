using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using BillingBooks.Billing.Storage;

namespace BillingBooks.Billing.Accounts;

/// <summary>Whose books a request works on, and whether it may change them.</summary>
/// <param name="Account">The books (dataset) the request reads or writes.</param>
/// <param name="Caller">The signed-in account.</param>
/// <param name="ReadOnly">True for a bookkeeper working in a client's books.</param>
public sealed record Tenant(AccountId Account, AccountId Caller, bool ReadOnly)
{
    /// <summary>Header naming a client's dataset id for a bookkeeper; absent means the caller's own books.</summary>
    public const string DatasetHeader = "Billing-Dataset";

    /// <summary>Minimal API binding: the tenant <see cref="TenantResolution"/> resolved. Missing = fail closed.</summary>
    public static ValueTask<Tenant?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Items.TryGetValue(typeof(Tenant), out var tenant) ? tenant as Tenant : null);
    }
}

/// <summary>The signed-in account, from the bearer token's claims.</summary>
public sealed record Caller(AccountId Account, string Email, long TokenId)
{
    public const string TokenIdClaim = "billing:token";

    public static Caller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var token = user.FindFirstValue(TokenIdClaim);
        var email = user.FindFirstValue(ClaimTypes.Email);
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var account)
               && long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId)
               && email is not null
            ? new Caller(new AccountId(account), email, tokenId)
            : null;
    }

    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(From(context.User));
    }
}
