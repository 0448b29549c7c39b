using System.Net;
using System.Net.Http.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Accounts;

/// <summary>
/// Guesses sent all at once get no more tries than guesses sent one by one: with production password hashing
/// (slow on purpose), every request would otherwise pass the lock check before the first failure is written.
/// </summary>
public class LockoutRaceTests
{
    [Fact]
    public Task Concurrent_wrong_passwords_get_at_most_the_allowed_tries_on_sqlite() => GuessAllAtOnceAsync(null);

    [Fact]
    public async Task Concurrent_wrong_passwords_get_at_most_the_allowed_tries_on_postgres()
    {
        await using var pg = await TestPostgres.CreateDatabaseAsync();
        if (pg is null)
        {
            Console.WriteLine(TestPostgres.MissingMessage);
            return;
        }

        await GuessAllAtOnceAsync(pg.AsBillingDatabase());
    }

    private static async Task GuessAllAtOnceAsync(BillingDatabase? database)
    {
        await using var billing = await BillingProcess.StartAsync(database, ["--Billing:AuthRequestsPerMinute", "1000000"], testSettings: false);
        var email = $"race-{Guid.NewGuid():N}@example.com";
        using (var signup = await billing.Client.PostAsJsonAsync("api/v1/signup", new SignupRequest(email, "correct horse battery", null)))
        {
            signup.EnsureSuccessStatusCode();
        }

        using var start = new SemaphoreSlim(0);
        var guesses = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await billing.Client.PostAsJsonAsync("api/v1/tokens", new TokenRequest(email, $"guess number {i}"));
            return response.StatusCode;
        }).ToArray();
        start.Release(guesses.Length);
        var statuses = await Task.WhenAll(guesses);

        var checkedGuesses = statuses.Count(s => s == HttpStatusCode.Unauthorized);
        Assert.True(checkedGuesses <= 5, $"{checkedGuesses} of 20 concurrent guesses were checked against the password; at most 5 may be");
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        using var right = await billing.Client.PostAsJsonAsync("api/v1/tokens", new TokenRequest(email, "correct horse battery"));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
