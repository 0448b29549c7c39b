using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// --test-clock: the process's business time holds still until a test moves it, forward only, from this host; without
/// the setting there is nothing to move.
/// </summary>
public sealed class TestClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_the_setting_there_is_no_clock_endpoint()
    {
        await using var billing = await BillingProcess.StartAsync();
        using (var read = await billing.Client.GetAsync(new Uri("test/clock", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using var move = await billing.Client.PutAsJsonAsync(new Uri("test/clock", UriKind.Relative), new { now = "2030-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
    }

    [Fact]
    public async Task The_clock_holds_still_until_moved_and_the_service_keeps_its_time()
    {
        await using var billing = await BillingProcess.StartAsync(clock: Start);
        Assert.Equal(Start, await billing.Clock.NowAsync());
        var email = $"clock-{Guid.NewGuid():N}@example.com";
        var (signedUp, _) = await BillingApi.SignUpAsync(billing.BaseAddress, email);
        signedUp.Dispose();
        var (client, token) = await BillingApi.SignInAsync(billing.BaseAddress, email, "correct horse battery");
        using (client)
        {
            Assert.Equal(Start.AddHours(1), token.ExpiresAt);
            Assert.Equal(Start, await billing.Clock.NowAsync());

            Assert.Equal(Start.AddHours(1).AddSeconds(-1), await billing.Clock.AdvanceAsync(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1)));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "api/v1/profile"));
            await billing.Clock.AdvanceAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "api/v1/profile"));
        }
    }

    [Fact]
    public async Task The_clock_moves_only_forward_only_to_an_instant_and_only_from_this_host()
    {
        await using var billing = await BillingProcess.StartAsync(clock: Start);
        await billing.Clock.AdvanceAsync(TimeSpan.FromDays(1));
        using var api = new Api(new HttpClient { BaseAddress = billing.BaseAddress }, "", "");

        var back = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "test/clock", new { now = Start });
        Assert.Contains("only moves forward", back.Detail, StringComparison.Ordinal);
        var none = await api.ProblemAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, "test/clock", "{}");
        Assert.Contains("now", none.Errors!.Keys);
        await api.ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, "test/clock", """{"now":"tomorrow"}""");

        // A browser that a proxy on this host (loopback: trusted by default) forwards is not on this host.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, new Uri("test/clock", UriKind.Relative));
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.5");
        using (var response = await billing.Client.SendAsync(forwarded))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(Start.AddDays(1), await billing.Clock.NowAsync());
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
