using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace BillingBooks.Billing.Testing;

/// <summary>
/// The clock of a Billing process started with one (<c>BillingProcess.StartAsync(clock: START)</c>, which passes
/// <c>--test-clock START</c>): business time there (token expiry, lockouts, links, today's date, recurring invoices)
/// holds still at START until a test moves it, forward only, through GET/PUT /test/clock. Timers in the process stay
/// on real time.
/// </summary>
public sealed class ProcessClock(HttpClient client, DateTimeOffset start)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where the clock started.</summary>
    public DateTimeOffset Start { get; } = start;

    /// <summary>
    /// Now, to the whole second: a start whose times compare exactly with those the service keeps in whole seconds
    /// (token expiry), and near enough to the real time for tests that take today's date from the machine.
    /// </summary>
    public static DateTimeOffset WholeSecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
    }

    /// <summary>The argument that starts a process at <paramref name="start"/>.</summary>
    public static IReadOnlyList<string> Arguments(DateTimeOffset start) =>
        ["--test-clock", start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)];

    public async Task<DateTimeOffset> NowAsync()
    {
        using var response = await client.GetAsync(new Uri("test/clock", UriKind.Relative)).ConfigureAwait(false);
        return await ReadingAsync(response).ConfigureAwait(false);
    }

    /// <summary>Moves the clock to <paramref name="now"/> (not back) and returns it.</summary>
    public async Task<DateTimeOffset> MoveToAsync(DateTimeOffset now)
    {
        using var response = await client.PutAsJsonAsync(new Uri("test/clock", UriKind.Relative), new Reading(now), Json).ConfigureAwait(false);
        return await ReadingAsync(response).ConfigureAwait(false);
    }

    /// <summary>Moves the clock <paramref name="by"/> forward and returns the time it shows then.</summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by) => await MoveToAsync(await NowAsync().ConfigureAwait(false) + by).ConfigureAwait(false);

    private static async Task<DateTimeOffset> ReadingAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} /test/clock: {(int)response.StatusCode} {text}");
        }

        return JsonSerializer.Deserialize<Reading>(text, Json)!.Now;
    }

    private sealed record Reading(DateTimeOffset Now);
}
