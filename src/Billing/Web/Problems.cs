using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace BillingBooks.Billing.Web;

/// <summary>The one mapping from typed errors to HTTP problem+json (RFC 9457, <see cref="Problem"/>).</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult ToResult(this BillingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = ToProblem(error);
        return Results.Json(problem, Json.Options, ContentType, problem.Status);
    }

    public static Problem ToProblem(BillingError error) => error switch
    {
        InvalidInput invalid => new Problem("https://billingbooks.example/problems/invalid", "Invalid input", 422, invalid.Message, invalid.Errors),
        MalformedBody malformed => new Problem(
            "https://billingbooks.example/problems/malformed",
            "Malformed request body",
            400,
            malformed.Message,
            malformed.Path is null ? null : new Dictionary<string, string[]> { [malformed.Path] = [malformed.Message] }),
        BadQueryValue bad => new Problem(
            "https://billingbooks.example/problems/bad-query",
            "Query value not valid",
            400,
            bad.Message,
            new Dictionary<string, string[]> { [bad.Parameter] = [bad.Message] }),
        BodyTooLarge => new Problem("https://billingbooks.example/problems/too-large", "Request body too large", 413, error.Message, null),
        NotFound => new Problem("https://billingbooks.example/problems/not-found", "Not found", 404, error.Message, null),
        InvalidLink => new Problem("https://billingbooks.example/problems/invalid-link", "Link not valid", 404, error.Message, null),
        Conflict conflict => new Problem(
            "https://billingbooks.example/problems/conflict",
            "Conflict",
            409,
            conflict.Message,
            conflict.Field is null ? null : new Dictionary<string, string[]> { [conflict.Field] = [conflict.Message] }),
        Refused => new Problem("https://billingbooks.example/problems/refused", "Refused", 422, error.Message, null),
        Unauthenticated => new Problem("https://billingbooks.example/problems/unauthenticated", "Sign in first", 401, error.Message, null),
        Forbidden => new Problem("https://billingbooks.example/problems/forbidden", "Forbidden", 403, error.Message, null),
        LockedOut => new Problem("https://billingbooks.example/problems/locked", "Locked", 429, error.Message, null),
        RateLimited => new Problem("https://billingbooks.example/problems/rate-limited", "Too many requests", 429, error.Message, null),
        Bug => new Problem("https://billingbooks.example/problems/bug", "Internal error", 500, error.Message, null),
        FrameworkStatus framework => new Problem(
            $"https://billingbooks.example/problems/http-{framework.Status}", ReasonPhrases.GetReasonPhrase(framework.Status), framework.Status, framework.Message, null),
        _ => throw new InvalidOperationException($"Unmapped error {error.GetType().Name}"),
    };

    public static async Task WriteAsync(HttpContext context, BillingError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = ToProblem(error);
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ContentType;
        await System.Text.Json.JsonSerializer.SerializeAsync(context.Response.Body, problem, Json.Options).ConfigureAwait(false);
    }
}
