namespace BillingBooks.Billing.Web;

/// <summary>An expected failure of a request. Mapped to problem+json in one place: <see cref="Problems"/>.</summary>
public abstract record BillingError(string Message);

/// <summary>Field errors, all at once, keyed by JSON path ("lines[2].quantity").</summary>
public sealed record InvalidInput(IReadOnlyDictionary<string, string[]> Errors)
    : BillingError("Some fields are not valid; see errors for each field and how to fix it.");

/// <summary>The body is not JSON of the expected shape (wrong type, unknown field).</summary>
public sealed record MalformedBody(string Message, string? Path) : BillingError(Message);

/// <summary>A query value no endpoint may take (400), named by its parameter.</summary>
public sealed record BadQueryValue(string Message, string Parameter) : BillingError(Message);

public sealed record BodyTooLarge(long Limit) : BillingError($"The request body is larger than {Limit} bytes.");

public sealed record NotFound(string What) : BillingError($"No {What} with this id in these books.");

/// <summary>A secret link (its token) that opens nothing: mistyped, forged, used, withdrawn or expired (404).</summary>
public sealed record InvalidLink(string Message) : BillingError(Message);

/// <summary>A unique name or number is already taken (409).</summary>
public sealed record Conflict(string Message, string? Field) : BillingError(Message);

/// <summary>The request is well formed but the record's state forbids it (422), e.g. paying a draft.</summary>
public sealed record Refused(string Message) : BillingError(Message);

public sealed record Unauthenticated(string Message) : BillingError(Message);

public sealed record Forbidden(string Message) : BillingError(Message);

public sealed record LockedOut(DateTimeOffset Until)
    : BillingError($"Too many failed sign-ins for this email; try again after {Until.ToString("u", System.Globalization.CultureInfo.InvariantCulture)}.");

public sealed record RateLimited(string Message) : BillingError(Message);

/// <summary>An exception: a bug in Billing, or a database it cannot use; the exception handler has logged it (500).</summary>
public sealed record Bug() : BillingError("This is a bug in Billing; it was logged.");

/// <summary>
/// A status ASP.NET Core answered itself, before any endpoint ran (a value in the address that does not bind, an
/// unknown path, a method or media type the endpoint does not take), given the body every other API error has.
/// </summary>
public sealed record FrameworkStatus(int Status, string Message) : BillingError(Message);
