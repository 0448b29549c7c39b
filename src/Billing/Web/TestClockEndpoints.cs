using System.Net;

namespace BillingBooks.Billing.Web;

/// <summary>GET /test/clock reads the <see cref="TestClock"/>, PUT moves it; mapped only with <c>--test-clock</c>, for callers on this host.</summary>
public static class TestClockEndpoints
{
    public sealed record ClockReading(DateTimeOffset? Now);

    public static void MapTestClock(this IEndpointRouteBuilder app, TestClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var group = app.MapGroup("/test/clock").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            // The client address as the trusted proxies said (Web/TrustedProxies): a browser behind a proxy on this host is not local.
            context.HttpContext.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
                ? await next(context).ConfigureAwait(false)
                : new Forbidden("The test clock is moved only from this host.").ToResult());
        group.MapGet("", () => Results.Json(new ClockReading(clock.GetUtcNow()), Json.Options));
        group.MapPut("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync<ClockReading>(request).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error.ToResult();
            }

            if (body.Value!.Now is not { } now)
            {
                return new InvalidInput(new Dictionary<string, string[]> { ["now"] = ["the instant to move the clock to is required, like 2026-11-26T12:00:00Z"] }).ToResult();
            }

            var moved = clock.MoveTo(now);
            return moved.Error is not null ? moved.Error.ToResult() : Results.Json(new ClockReading(moved.Value), Json.Options);
        });
    }
}
